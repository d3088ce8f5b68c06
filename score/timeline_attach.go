package score

// WithTimelines returns r with each timeline attached to its lot
// (LotResult.Timeline), so that summaries, reports and JSON show when
// standstill ends, the first day the contract may be entered into and the
// notice due after. r itself is not changed. A timeline for a lot r does
// not hold is ignored. The timelines come from [Tender.Timeline], or from
// frameworks.Timelines, which first places each lot above or below
// threshold.
func WithTimelines(r Result, tls ...AwardTimeline) Result {
	by := make(map[string]AwardTimeline, len(tls))
	for _, tl := range tls {
		by[tl.Lot] = tl
	}
	lots := make([]LotResult, len(r.Lots))
	copy(lots, r.Lots)
	for i, l := range lots {
		if tl, ok := by[l.Lot.ID]; ok {
			lots[i].Timeline = &tl
		}
	}
	r.Lots = lots
	return r
}
