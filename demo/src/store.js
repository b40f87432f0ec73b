// In-memory invoice store; a real deployment uses Postgres (see DATABASE_URL).
const { randomUUID } = require('crypto');

const invoices = new Map();

module.exports = {
  async findInvoice(id) { return invoices.get(id); },
  async createInvoice(data) {
    const invoice = { id: randomUUID(), ...data, createdAt: new Date().toISOString() };
    invoices.set(invoice.id, invoice);
    return invoice;
  },
  async deleteInvoice(id) { invoices.delete(id); },
};
