// A small Express router and the "cleaned up" version an assistant returns without requireAuth.

export const ROUTES_BEFORE = `const express = require('express');
const { requireAuth } = require('../middleware/requireAuth');
const db = require('../db');

const router = express.Router();

router.get('/projects/:id', requireAuth, async (req, res) => {
  const project = await db.projects.find(req.params.id);
  if (!project) return res.status(404).end();
  return res.json(project);
});

router.delete('/projects/:id', requireAuth, async (req, res) => {
  await db.projects.remove(req.params.id);
  return res.status(204).end();
});

module.exports = router;
`;

/** The assistant's rewrite: tidier, and `requireAuth` is gone from DELETE. */
export const ROUTES_AFTER_AI = `const express = require('express');
const { requireAuth } = require('../middleware/requireAuth');
const db = require('../db');

const router = express.Router();

router.get('/projects/:id', requireAuth, async (req, res) => {
  const project = await db.projects.find(req.params.id);
  return project ? res.json(project) : res.status(404).end();
});

router.delete('/projects/:id', async (req, res) => {
  await db.projects.remove(req.params.id);
  return res.status(204).end();
});

module.exports = router;
`;
