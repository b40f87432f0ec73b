const rateLimit = require('express-rate-limit');

// 100 requests per client per 15 minutes across the API.
const apiLimiter = rateLimit({ windowMs: 15 * 60 * 1000, max: 100, standardHeaders: true, legacyHeaders: false });

module.exports = { apiLimiter };
