package score

// Validate checks the bid on its own, whatever the tender it is for: what
// every bid needs — an id, a lot, its supplier's id and name — and ids that
// are visible and in Unicode normalisation form C. It reports every problem
// as a [*ValidationError] with field paths relative to the bid ("id",
// "supplier.name"); nil when all is well.
//
// [Tender.Validate] makes the same checks, and checks the bid against its
// lot and the other bids besides; a reader of hostile files (package
// tenderfile) runs this one on each bid as it decodes it, so that a file
// whose bids are wrong is refused without all of them held in memory.
func (b Bid) Validate() error {
	v := &validation{}
	v.bidTags("", &b) // validate_bidtags.go
	v.ident("id", b.ID)
	v.ident("supplier.id", b.Supplier.ID)
	return v.err()
}
