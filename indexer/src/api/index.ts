import { db } from 'ponder:api'
import { historyRoutes } from './routes'

// Ponder serves /ready, /status, /health and /metrics itself; the app reads /history/* (docs/data-layer.md).
export default historyRoutes(db)
