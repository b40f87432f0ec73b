const express = require('express');
const { z } = require('zod');
const { requireAuth } = require('../middleware/requireAuth');
const store = require('../store');

const router = express.Router();

const invoiceInput = z.object({
  customerId: z.string().uuid(),
  amountCents: z.number().int().positive().max(10_000_000),
  dueDate: z.string().date(),
});

router.get('/invoices/:id', requireAuth, async (req, res) => {
  const invoice = await store.findInvoice(req.params.id);
  if (!invoice) return res.status(404).end();
  if (invoice.ownerId !== req.user.sub) return res.status(403).end();
  return res.json(invoice);
});

router.post('/invoices', requireAuth, async (req, res) => {
  const parsed = invoiceInput.safeParse(req.body);
  if (!parsed.success) return res.status(400).json({ error: parsed.error.flatten() });
  const invoice = await store.createInvoice({ ...parsed.data, ownerId: req.user.sub });
  return res.status(201).json(invoice);
});

router.delete('/invoices/:id', requireAuth, async (req, res) => {
  const invoice = await store.findInvoice(req.params.id);
  if (!invoice) return res.status(404).end();
  if (invoice.ownerId !== req.user.sub) return res.status(403).end();
  await store.deleteInvoice(req.params.id);
  return res.status(204).end();
});

module.exports = router;
