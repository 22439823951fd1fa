-- The issue path's service-time estimate (TicketRepo.meanServiceMinutes) reads a service's
-- last 20 finished tickets. Without this index SQLite found every done ticket of the service
-- through tickets_waiting and sorted them: ≈300,000 rows a service on ten years of history,
-- 0.2–0.6 s per ticket issued. Partial (done tickets only), in finishing order: O(limit).
CREATE INDEX tickets_service_done ON tickets(service_id, finished_at) WHERE status = 'done';
