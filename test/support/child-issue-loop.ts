import fs from 'node:fs';
import { childArguments, openChildQueue } from './child-queue';

/**
 * Issues tickets one after another, printing each number on its own line only
 * once `issueTicket` has returned, i.e. after the commit, as a kiosk would show
 * it. Runs until the parent kills it (or a safety cap is reached).
 */
const MAX_TICKETS = 2_000;
const { file, serviceId, at } = childArguments();
const { issuer } = openChildQueue(file, at);

async function issueForever(): Promise<void> {
  for (let i = 0; i < MAX_TICKETS; i += 1) {
    const { value } = issuer.issueTicket({ serviceId });
    fs.writeSync(1, `${value.ticket.number}\n`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

void issueForever();
