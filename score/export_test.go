package score

// EvaluateReadAfter evaluates as the engine did before bids were read
// while validated: validation first, then every bid read (prepare_read.go).
func EvaluateReadAfter(t Tender, bids []Bid) (Result, error) {
	if err := t.Validate(bids); err != nil {
		return Result{}, err
	}
	return prepared(t, bids).Evaluate(), nil
}

// ReadAsValidated reports whether Prepare read every bid while validating
// it, rather than after.
func ReadAsValidated(t Tender, bids []Bid) bool {
	v := newValidation()
	if v.all(t, bids, true) != nil || v.rd == nil {
		return false
	}
	_, ok := v.rd.prepared(t, bids)
	return ok
}

// BidsReadAsValidated is how many bids the validation read before it
// stopped (all of them when nothing was wrong).
func BidsReadAsValidated(t Tender, bids []Bid) int {
	v := newValidation()
	_ = v.all(t, bids, true)
	if v.rd == nil {
		return 0
	}
	return int(v.rd.read.Load())
}

// SiftFrom makes the trials sift the lines of a field of at least n bids
// before building their trees (trial_hull.go), so that the property tests'
// small lots take the path a large field takes; restore puts it back.
func SiftFrom(n int) (restore func()) {
	old := siftFrom
	siftFrom = n
	return func() { siftFrom = old }
}
