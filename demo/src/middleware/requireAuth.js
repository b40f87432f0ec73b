const jwt = require('jsonwebtoken');

// Accepts only requests with a valid, unexpired token signed by us.
function requireAuth(req, res, next) {
  const header = req.get('authorization') || '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : null;
  if (!token) return res.status(401).json({ error: 'missing token' });
  try {
    req.user = jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'], audience: 'invoice-service' });
    return next();
  } catch {
    return res.status(401).json({ error: 'invalid token' });
  }
}

module.exports = { requireAuth };
