const express = require('express');
const { requireAuth } = require('../middleware/requireAuth');
const db = require('../db');

const router = express.Router();

router.get('/invoices/:id', requireAuth, async (req, res) => {
  const invoice = await db.invoices.find(req.params.id);
  if (!invoice) return res.status(404).end();
  return res.json(invoice);
});

router.delete('/invoices/:id', requireAuth, async (req, res) => {
  await db.invoices.remove(req.params.id);
  return res.status(204).end();
});

module.exports = router;
