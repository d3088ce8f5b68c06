package analysis

import (
	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/score"
)

// LotAnalysis is every analysis of one lot, for the authority's
// evaluation report.
type LotAnalysis struct {
	LotID string
	// Outcome and Winner are the lot's, as evaluated.
	Outcome score.Outcome
	Winner  string
	// ToWin holds what each compliant bid that did not win would have
	// needed, in standings order.
	ToWin []ToWin
	// Sensitivity is how robust the award is to the weights.
	Sensitivity Sensitivity
	// Reversals lists each removal of one bid that changes the order of the
	// others; empty when none does.
	Reversals []Reversal
	// LowPriceRules are the rules applied; LowPrice the flags they raised.
	LowPriceRules []LowPriceRule
	LowPrice      []Flag
}

// Analyse runs every analysis for one lot: what it takes to win, weight
// sensitivity, rank reversal, and the abnormally-low-price rules given (none
// given: the Scottish Construction Procurement Handbook preset).
func Analyse(t score.Tender, lotID string, bids []score.Bid, rules ...LowPriceRule) (LotAnalysis, error) {
	f, err := newField(t, lotID, bids)
	if err != nil {
		return LotAnalysis{}, err
	}
	return f.analyse(rules)
}

// AnalysePrepared runs [Analyse] on one lot of a tender already prepared
// (validated) with [score.Prepare], without validating it again.
func AnalysePrepared(p *score.Prepared, lotID string, rules ...LowPriceRule) (LotAnalysis, error) {
	f, err := preparedField(p, lotID)
	if err != nil {
		return LotAnalysis{}, err
	}
	return f.analyse(rules)
}

func (f *field) analyse(rules []LowPriceRule) (LotAnalysis, error) {
	lotID := f.lotID
	if len(rules) == 0 {
		rules = []LowPriceRule{ScottishHandbookRule()}
	}
	a := LotAnalysis{LotID: lotID, Outcome: f.base.Outcome, Winner: f.base.Winner, LowPriceRules: rules}
	toWin, err := f.whatItTakes()
	if err != nil { // the first error a serial run meets
		return a, err
	}
	a.ToWin = toWin
	// The weights' rivals are spread in turn, the removals and the low
	// prices beside them: none is worth a goroutine of its own.
	var errS, errR, errL error
	a.Sensitivity, errS = f.sensitivityBeside(func(s *field) {
		if a.Reversals, errR = s.reversals(); errR != nil {
			return
		}
		priceOf := func(c score.Criterion, id string) (decimal.Decimal, bool, bool) { // as prepared: not quoted again
			p, ok := s.tr.Quoted(id, c.ID)
			return p, ok, true
		}
		a.LowPrice, errL = abnormallyLow(s.base, priceOf, rules)
	})
	// The first error a serial run meets, and what it would have found before it:
	switch {
	case errS != nil:
		a.Reversals, a.LowPrice = nil, nil // found beside, after it in a serial run
		return a, errS
	case errR != nil:
		return a, errR
	case errL != nil:
		return a, errL
	}
	return a, nil
}

// AnalyseAll runs [Analyse] for every lot of the tender, in the tender's
// lot order.
func AnalyseAll(t score.Tender, bids []score.Bid, rules ...LowPriceRule) ([]LotAnalysis, error) {
	p, err := score.Prepare(t, bids) // validated once, for every lot
	if err != nil {
		return nil, err
	}
	var out []LotAnalysis
	for _, l := range t.Lots {
		a, err := AnalysePrepared(p, l.ID, rules...)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}
