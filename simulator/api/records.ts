import express from 'express';

/** What the simulator keeps of what it played (payments, carts): newest first, by id, forgettable. */
export interface Records {
  list(): unknown[];
  get(id: string): unknown;
  clear(): void;
}

/** `GET <path>` (newest first), `GET <path>/{id}` (404 when unknown), `DELETE <path>` (forget them all). */
export function recordsRoutes(path: string, noun: string, records: Records): express.Router {
  const router = express.Router();
  router.get(path, (_req, res) => {
    res.json(records.list());
  });
  router.get(`${path}/:id`, (req, res) => {
    const record = records.get(req.params.id);
    if (!record) return void res.status(404).json({ error: `no ${noun} with id ${req.params.id}` });
    res.json(record);
  });
  router.delete(path, (_req, res) => {
    records.clear();
    res.status(204).end();
  });
  return router;
}
