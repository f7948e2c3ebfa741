import type { ExampleConfig } from '../config.js';
import type { VendorDemo } from '../vendor-demo.js';
import { createComm100Demo } from './comm100.js';
import { createGenesysDemo } from './genesys.js';
import { createGiosgDemo } from './giosg.js';
import { createImsupportingDemo } from './imsupporting.js';
import { createWxccDemo } from './wxcc.js';

/** Every vendor the app wires that has an account (demo ids with the stand-ins), in menu order. */
export function createVendorDemos(config: ExampleConfig): VendorDemo[] {
  const { giosg, genesys, comm100, wxcc, imsupporting } = config.accounts;
  return [
    giosg && createGiosgDemo(giosg),
    genesys && createGenesysDemo(genesys),
    comm100 && createComm100Demo(comm100),
    wxcc && createWxccDemo(wxcc),
    imsupporting && createImsupportingDemo(imsupporting),
  ].filter((vendor) => vendor !== undefined);
}
