// Rejects requests without a valid session token.
function requireAuth(req, res, next) {
  const token = req.get('authorization');
  if (!token || !token.startsWith('Bearer ')) {
    return res.status(401).json({ error: 'unauthorized' });
  }
  req.user = { id: token.slice(7) };
  return next();
}

module.exports = { requireAuth };
