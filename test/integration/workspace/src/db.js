// In-memory stand-in for the invoice store.
const rows = new Map();

module.exports = {
  invoices: {
    async find(id) { return rows.get(id); },
    async remove(id) { rows.delete(id); },
  },
};
