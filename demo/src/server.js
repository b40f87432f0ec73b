const express = require('express');
const helmet = require('helmet');
const invoices = require('./routes/invoices');
const { apiLimiter } = require('./middleware/rateLimit');

const app = express();
app.use(helmet());
app.use(express.json({ limit: '100kb' }));
app.use('/api', apiLimiter);
app.use('/api', invoices);

app.use((err, req, res, _next) => {
  console.error(err);
  res.status(500).json({ error: 'internal error' });
});

const port = Number(process.env.PORT || 3000);
app.listen(port, () => console.log(`invoice-service listening on ${port}`));
