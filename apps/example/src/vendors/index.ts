import type { ExampleConfig } from '../config.js';
import type { VendorDemo } from '../vendor-demo.js';
import { createComm100Demo } from './comm100.js';
import { createGenesysDemo } from './genesys.js';
import { createGiosgDemo } from './giosg.js';
import { createImsupportingDemo } from './imsupporting.js';
import { createWxccDemo } from './wxcc.js';

/** Every vendor the app wires, in menu order. */
export function createVendorDemos(_config: ExampleConfig): VendorDemo[] {
  return [createGiosgDemo(), createGenesysDemo(), createComm100Demo(), createWxccDemo(), createImsupportingDemo()];
}
