// Preloaded with `node --require` into a child process to prove OCR needs no network: every way
// Node opens a connection or resolves a name throws. `--require` (unlike `--import`) also runs in
// every worker thread, so Tesseract's own worker is covered too.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

function refuse() {
  throw new Error('Network access is blocked in this test.');
}

net.connect = refuse;
net.createConnection = refuse;
net.Socket.prototype.connect = refuse;
tls.connect = refuse;
http.request = refuse;
http.get = refuse;
https.request = refuse;
https.get = refuse;
dns.lookup = refuse;
dns.resolve = refuse;
dns.promises.lookup = refuse;
globalThis.fetch = async () => refuse();
