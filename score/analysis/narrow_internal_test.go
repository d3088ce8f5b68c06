package analysis

import (
	"fmt"
	"math/bits"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// prober counts the prices a narrowing tries, each of which must lie
// strictly inside the bracket it was tried from.
type prober struct {
	lo, hi int64
	tries  int
	inside bool
	margin func(int64) exact.Fraction // above zero where the bid wins
}

func (p *prober) try(c int64) (bool, exact.Fraction, bool, error) {
	p.tries++
	p.inside = p.inside && c > p.lo && c < p.hi
	m := p.margin(c)
	if m.Sign() > 0 {
		p.lo = c
	} else {
		p.hi = c
	}
	return m.Sign() > 0, m, true, nil
}

// narrowsTo narrows lo–hi on margins m, read at both ends, with st and
// steps, checks that it closes on answer (and the penny above) trying
// only prices inside the bracket, and returns how many it tried.
func narrowsTo(t *testing.T, lo, hi int64, m func(int64) exact.Fraction, st *stepping, steps stepsFunc, answer int64, why string) int {
	t.Helper()
	pr := &prober{lo: lo, hi: hi, inside: true, margin: m}
	b := bracket{lo: lo, hi: hi, mLo: m(lo), mHi: m(hi), okLo: true, okHi: true}
	got, err := b.narrowed(pr.try, st, steps, nil)
	require.NoError(t, err, why)
	assert.Equal(t, answer, got.lo, why)
	assert.Equal(t, answer+1, got.hi, why)
	assert.True(t, pr.inside, why)
	return pr.tries
}

func frac(t require.TestingT, num, den int64) exact.Fraction {
	f, err := exact.Int(num).Quo(exact.Int(den))
	require.NoError(t, err)
	return f
}

// TestNarrowingOnAStraightMargin: false position on margins that lie on
// a straight line lands on the line's zero at once, so a bid ahead by
// (28,680,927.5 − p) ÷ 10⁶ points at p pennies — the answer 28,680,927 —
// is settled by two re-scorings, the answer and the penny above, where
// halving the bracket £0.01–£400,000 would take 26.
func TestNarrowingOnAStraightMargin(t *testing.T) {
	m := func(p int64) exact.Fraction { return frac(t, 57361855-2*p, 2000000) }
	assert.Equal(t, 2, narrowsTo(t, 1, 40000000, m, nil, nil, 28680927, "a straight margin"))
}

// TestNarrowingFollowsACurvedMargin: margins that bend, as where a
// bid's own social value offer is read as a share of its price, are
// ahead by (35,197,590.5 − p) × (p ÷ 1,000 + 100) ÷ 10⁹ points at p
// pennies (the answer 35,197,590) between £346,267.17, where the bid
// wins, and £385,012.08, where it does not. False position lands a few
// pennies short of the answer; halving the bracket next, as the narrowing
// did after every guess that did not halve it, took 9 re-scorings. A guess
// that closes three quarters of the margin is followed by another: 5.
func TestNarrowingFollowsACurvedMargin(t *testing.T) {
	m := func(p int64) exact.Fraction { return frac(t, (2*35197590+1-2*p)*(p/1000+100), 2000000000) }
	const lo, hi = 34626717, 38501208
	assert.LessOrEqual(t, narrowsTo(t, lo, hi, m, nil, nil, 35197590, "a curved margin"), 5)
}

// TestNarrowingFindsTheAnswer checks on random brackets that narrowing
// finds the one price where winning turns, trying only prices inside the
// bracket and at most three times as many as halving: whatever the
// margins say — straight, rounded to steps as shown totals are, only
// their sign, of any size, or misleading, so that false position always
// guesses next to hi — with margins at the ends or without, and whatever
// prices of steps it is given (drawStepping).
func TestNarrowingFindsTheAnswer(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		lo := rapid.Int64Range(0, 1<<20).Draw(t, "lo")
		hi := lo + 2 + rapid.Int64Range(0, 1<<rapid.IntRange(1, 40).Draw(t, "bits")).Draw(t, "width")
		answer := rapid.Int64Range(lo, hi-1).Draw(t, "answer")
		kind := rapid.IntRange(0, 3).Draw(t, "kind")
		slope := rapid.Int64Range(1, 1000000).Draw(t, "slope")
		m := func(p int64) exact.Fraction {
			ahead := frac(t, 2*(answer-p)+1, 2*slope) // zero half a penny above the answer
			switch kind {
			case 1: // shown to two places, as totals are: level steps, a tie half a unit
				v := ahead.Rounded(exact.Rounding{Places: 2, Mode: exact.HalfUp})
				switch {
				case v.Sign() != 0:
					return v
				case p <= answer:
					return frac(t, 1, 200) // a tie the bid wins
				}
				return frac(t, -1, 200)
			case 2: // the sign only, any size
				size := frac(t, rapid.Int64Range(1, 1000).Draw(t, "size"), 7)
				if p <= answer {
					return size
				}
				return size.Neg()
			case 3: // misleading: far ahead wherever it wins, barely behind wherever not
				if p <= answer {
					return exact.Int(1000000000)
				}
				return frac(t, -1, 1000000000)
			}
			return ahead
		}
		pr := &prober{lo: lo, hi: hi, inside: true, margin: m}
		b := bracket{lo: lo, hi: hi}
		if rapid.Bool().Draw(t, "ends") {
			b.mLo, b.mHi, b.okLo, b.okHi = m(lo), m(hi), true, true
		}
		st, steps := drawStepping(t, answer)
		got, err := b.narrowed(pr.try, st, steps, nil)
		require.NoError(t, err)
		require.Equal(t, answer, got.lo)
		require.Equal(t, answer+1, got.hi)
		require.True(t, pr.inside, "a price tried outside the bracket")
		require.LessOrEqual(t, pr.tries, 3*bits.Len64(uint64(hi-lo))+stepsAsked*2*bits.Len(stepsMost))
	})
}

// drawStepping draws how a search asks for the prices of steps: not at
// all, or with steps that cannot be read, or with random prices — the
// answer among them or missed, some outside the bracket asked about — of
// which the most nearest hi are given, as Trials.PriceSteps gives them.
func drawStepping(t *rapid.T, answer int64) (*stepping, stepsFunc) {
	switch rapid.IntRange(0, 3).Draw(t, "stepping") {
	case 0:
		return nil, nil
	case 1:
		return &stepping{unit: frac(t, 1, 100)}, func(lo, hi int64, most int) ([]int64, bool) { return nil, false }
	}
	missed := rapid.IntRange(0, 3).Draw(t, "missed") == 0
	return &stepping{unit: frac(t, 1, 100)}, func(lo, hi int64, most int) ([]int64, bool) {
		var cs []int64
		for range rapid.IntRange(0, 40).Draw(t, "steps") {
			cs = append(cs, rapid.Int64Range(lo-2, hi+2).Draw(t, "step"))
		}
		if !missed && answer >= lo && answer < hi {
			cs = append(cs, answer)
		}
		slices.Sort(cs)
		cs = slices.Compact(cs)
		return cs[max(0, len(cs)-most):], true
	}
}

// TestStepsSettleTheAnswer: with margins a step apart at the ends — a
// point ahead at lo, a tie lost at hi — the last step below hi is the
// answer (the margin moves a step at each), and the narrowing tries it
// and the penny above it, and nothing else, where halving the 9,999
// pennies between would take 14.
func TestStepsSettleTheAnswer(t *testing.T) {
	const answer = 6000
	m := func(p int64) exact.Fraction {
		if p <= answer {
			return frac(t, 1, 100)
		}
		return frac(t, -1, 200)
	}
	steps := func(lo, hi int64, most int) ([]int64, bool) { return []int64{2500, answer}, true }
	assert.Equal(t, 2, narrowsTo(t, 1, 10000, m, &stepping{unit: frac(t, 1, 100)}, steps, answer, "a step apart"))
}

// TestFalsePositionNeedsMarginsEitherSide: false position reads the line
// through a margin ahead at lo and behind at hi; a tie at either end, or
// margins on one side, give no guess, and a guess is never an end.
func TestFalsePositionNeedsMarginsEitherSide(t *testing.T) {
	for _, c := range []struct {
		why      string
		mLo, mHi exact.Fraction
		want     int64
		ok       bool
	}{
		{"ahead by 1 at 100, behind by 3 at 500: a quarter of the way", exact.Int(1), exact.Int(-3), 200, true},
		{"the line's zero at 100.4: the penny above lo, never lo", exact.Int(1), exact.Int(-999), 101, true},
		{"ahead by 999, behind by 1: next to hi, not on it", exact.Int(999), frac(t, -1, 1000000), 499, true},
		{"a tie at lo says nothing of how far the answer is", exact.Zero, exact.Int(-3), 0, false},
		{"a tie at hi", exact.Int(1), exact.Zero, 0, false},
		{"behind at both ends", exact.Int(-1), exact.Int(-3), 0, false},
	} {
		got, ok := falsePosition(100, 500, c.mLo, c.mHi)
		assert.Equal(t, c.ok, ok, c.why)
		if c.ok {
			assert.Equal(t, c.want, got, c.why)
		}
	}
}

// TestMarginWhereTheLowestTotalWins: under price per quality point the
// lowest ratio wins, so a bid below its rival is ahead. Hand-worked: A and
// B both bid £100; A is marked 4 on both questions (100 quality points, a
// ratio of 1), B 2 (50, a ratio of 2). A is one ahead of B, B one behind
// A. Read the other way round, as it was, false position guessed from
// margins on the wrong sides and the search only halved the bracket.
func TestMarginWhereTheLowestTotalWins(t *testing.T) {
	d := decimal.RequireFromString
	q := func(id string) score.Criterion {
		return score.Criterion{ID: id, Title: id, Weight: d("50"), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}}
	}
	tn := refTender(score.Policy{Basis: score.PricePerQualityPoint, Criteria: []score.Criterion{
		{ID: "price", Title: "Price", Weight: d("0"), Price: &criteria.PriceRule{Method: criteria.PerQualityPoint}},
		{ID: "quality", Title: "Quality", Weight: d("100"), Children: []score.Criterion{q("q1"), q("q2")}}}})
	bid := func(id string, mark int64) score.Bid {
		m := score.Response{Marks: criteria.Marks{Evaluators: []criteria.EvaluatorMark{{Evaluator: "E", Mark: decimal.NewFromInt(mark)}},
			Consensus: &criteria.Consensus{Mark: decimal.NewFromInt(mark), Rationale: "agreed"}}}
		return score.Bid{ID: id, Supplier: score.Supplier{ID: "S" + id, Name: "Supplier " + id}, Lot: "L1",
			Responses: map[string]score.Response{"price": {Price: criteria.Amount(d("100"))}, "q1": m, "q2": m}}
	}
	f, err := newField(tn, "L1", []score.Bid{bid("A", 4), bid("B", 2)})
	require.NoError(t, err)
	for _, c := range []struct{ id, rival, want string }{{"A", "B", "1"}, {"B", "A", "-1"}} {
		ps := &priceSearch{f: f, id: c.id, rival: c.rival}
		m, ok := ps.margin(f.asEvaluated(), c.id == "A")
		require.True(t, ok, c.id)
		assert.Equal(t, c.want, m.String(), "%s's margin over %s", c.id, c.rival)
	}
}

// TestStepsWhereTiesAreWon: a bid a step behind at hi, where it wins its
// ties, ties one step below and wins there, so the narrowing tries the
// last step below hi first: the answer, then the penny above. Read as
// though ties were lost, it tried the step below that first, and the
// penny above it, which won too: four re-scorings for two.
func TestStepsWhereTiesAreWon(t *testing.T) {
	const answer = 6000
	m := func(p int64) exact.Fraction {
		if p <= answer {
			return frac(t, 1, 200) // a tie, won
		}
		return frac(t, -1, 100)
	}
	for _, c := range []struct {
		why     string
		tieWins bool
		tries   int
	}{
		{"ties won: the last step below hi is the answer", true, 2},
		{"ties taken to lose: a step lower first, then the penny above it, then the answer and the penny above it", false, 4},
	} {
		steps := func(lo, hi int64, most int) ([]int64, bool) { return []int64{2500, answer}, true }
		assert.Equal(t, c.tries, narrowsTo(t, 1, 10000, m, &stepping{unit: frac(t, 1, 100), tieWins: c.tieWins}, steps, answer, c.why), c.why)
	}
}

// TestNoStepInsideTriesThePennyAbove: where the only change of the totals
// between lo and hi is right after lo (its last penny before the change
// is lo itself), every price above lo shows hi's totals, so the penny
// above lo is tried at once: a loss there is the answer. Read as a list
// with nothing to try, the narrowing went on by false position on margins
// a step apart, nearer lo each time.
func TestNoStepInsideTriesThePennyAbove(t *testing.T) {
	const lo, hi = 20126103, 20136730
	m := func(p int64) exact.Fraction {
		if p <= lo {
			return frac(t, 1, 100)
		}
		return frac(t, -1, 200) // a tie, lost
	}
	steps := func(lo, hi int64, most int) ([]int64, bool) { return []int64{lo}, true }
	assert.Equal(t, 1, narrowsTo(t, lo, hi, m, &stepping{unit: frac(t, 1, 100)}, steps, lo, "no step inside"), "the penny above lo, and nothing else")
}

// TestStepsJustAboveLo: a bid that wins at lo by half a step (a tie won)
// and loses far behind at hi loses at the first change of the totals
// above lo, so the steps just above lo are asked for and the first tried,
// then the penny above it: two re-scorings. Asking only for those nearest
// hi once false position had brought the ends near took three. The
// margins fall by a step at every 3,300 pennies from the answer, 2,000.
func TestStepsJustAboveLo(t *testing.T) {
	const answer, every = 2000, 3300
	level := func(p int64) int64 {
		if p <= answer {
			return 0
		}
		return 1 + (p-answer-1)/every
	}
	m := func(p int64) exact.Fraction {
		if level(p) == 0 {
			return frac(t, 1, 200)
		}
		return frac(t, -level(p), 100)
	}
	steps := func(lo, hi int64, most int) ([]int64, bool) { // the last penny before each change, the most nearest hi
		var cs []int64
		for c := int64(answer); c < hi; c += every {
			if c >= lo {
				cs = append(cs, c)
			}
		}
		return cs[max(0, len(cs)-most):], true
	}
	assert.Equal(t, 2, narrowsTo(t, 1000, 100000, m, &stepping{unit: frac(t, 1, 100)}, steps, answer, "steps just above lo"))
}

// TestAStaleMarginIsReadAgain: the bracket's margin at lo was read
// against the rival, a point ahead; but the bid that holds the bid asked
// about is a third, which it leads at lo by half a step (a tie won) and
// loses to at every price above, by (p − lo) ÷ 10⁶ points and never less
// than half a step. Read again against it, the margin at lo puts false
// position's guess next to lo, and the search is settled in 7
// re-scorings, the one at lo included; read against the rival, the
// guesses fell a little nearer lo each time, and it took 14.
func TestAStaleMarginIsReadAgain(t *testing.T) {
	const lo, hi = 20126103, 20500000
	m := func(p int64) exact.Fraction {
		if p <= lo {
			return frac(t, 1, 200)
		}
		return frac(t, -max(p-lo, 5000), 1000000)
	}
	run := func(fresh bool) (bracket, int) {
		pr := &prober{lo: lo, hi: hi, inside: true, margin: m}
		b := bracket{lo: lo, hi: hi, mLo: exact.One, mHi: m(hi), okLo: true, okHi: true}
		var f freshFunc
		if fresh {
			read := false
			f = func(b bracket) (exact.Fraction, bool, bool, error) {
				if read {
					return exact.Fraction{}, false, false, nil
				}
				read = true
				pr.tries++ // a re-scoring of lo
				return m(b.lo), true, true, nil
			}
		}
		got, err := b.narrowed(pr.try, nil, nil, f)
		require.NoError(t, err)
		require.True(t, pr.inside)
		return got, pr.tries
	}
	got, tries := run(true)
	assert.Equal(t, int64(lo), got.lo)
	assert.Equal(t, int64(lo+1), got.hi)
	stale, staleTries := run(false)
	assert.Equal(t, int64(lo), stale.lo, "the answer is the same either way")
	assert.Less(t, tries, staleTries)
	assert.LessOrEqual(t, tries, 7)
}

// TestAMarginIsReadAgainstTheStrongestBidMet: where the bid wins, its
// margin is read against the strongest of its rival and the bids met (a
// third bid that won a price tried), the one that holds it there: A wins
// at 90.00, its rival B has 80.00, and C, met, 89.99, so A is a step
// ahead, not ten points. Hand-worked totals, shown to 2 places.
func TestAMarginIsReadAgainstTheStrongestBidMet(t *testing.T) {
	fig := func(v string) score.Figure {
		return score.Figure{Value: exact.Whole(decimal.RequireFromString(v)), Places: 2}
	}
	f := &field{t: score.Tender{Lots: []score.Lot{{ID: "L1"}}}} // weighted points: the highest total wins
	for _, c := range []struct {
		why    string
		totals map[string]score.Figure
		winner string
		met    []string
		want   string
	}{
		{"no bid met: against the rival", map[string]score.Figure{"A": fig("90"), "B": fig("80"), "C": fig("89.99")}, "A", nil, "10"},
		{"C met: against C, the strongest", map[string]score.Figure{"A": fig("90"), "B": fig("80"), "C": fig("89.99")}, "A", []string{"C"}, "0.01"},
		{"C and D met, D weaker than C", map[string]score.Figure{"A": fig("90"), "B": fig("80"), "C": fig("89.99"), "D": fig("85")}, "A", []string{"D", "C"}, "0.01"},
		{"a bid met below the rival: against the rival", map[string]score.Figure{"A": fig("90"), "B": fig("80"), "D": fig("70")}, "A", []string{"D"}, "10"},
		{"a tie with C, won: half a step ahead", map[string]score.Figure{"A": fig("90"), "B": fig("80"), "C": fig("90")}, "A", []string{"C"}, "0.005"},
		{"C wins: against the winner", map[string]score.Figure{"A": fig("90"), "B": fig("80"), "C": fig("90.5")}, "C", []string{"C"}, "-0.5"},
	} {
		read := func(id string) (score.Figure, bool) { x, ok := c.totals[id]; return x, ok }
		o := outcome{Outcome: score.Winner, Winner: c.winner, from: fromTrial}
		for _, id := range []string{"A", "B", c.winner} {
			o.glance.add(id, read)
		}
		ps := &priceSearch{f: f, id: "A", rival: "B"}
		for _, id := range c.met {
			o.watched.add(id, read)
			ps.met[ps.nMet] = id
			ps.nMet++
		}
		m, ok := ps.margin(o, c.winner == "A")
		require.True(t, ok, c.why)
		assert.Equal(t, c.want, m.String(), c.why)
	}
}

// TestFreshReadsAStaleMarginAgain: the margin at lo is read again, by
// re-scoring lo in place of the trial kept there, only when a bid was met
// since it was read and that bid, winning at hi, stood ahead of the rival
// there by at least half the margin at lo; then no more until another bid
// is met. Three fictional bids: A at £100 marked 3, B at £120 marked 4, C
// at £110 marked 2; at £1.00 A has 85 points (40 for price, 45 for
// quality) to B's 60.33. The trial kept at hi (£50.00) is made up: C wins
// there, 2 or 0.5 points ahead of B.
func TestFreshReadsAStaleMarginAgain(t *testing.T) {
	d := decimal.RequireFromString
	q := score.Criterion{ID: "q", Title: "Quality", Weight: d("60"), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}}
	tn := refTender(score.Policy{Criteria: []score.Criterion{
		{ID: "price", Title: "Price", Weight: d("40"), Price: &criteria.PriceRule{Method: criteria.Relative}}, q}})
	bid := func(id, price string, mark int64) score.Bid {
		m := score.Response{Marks: criteria.Marks{Evaluators: []criteria.EvaluatorMark{{Evaluator: "E", Mark: decimal.NewFromInt(mark)}},
			Consensus: &criteria.Consensus{Mark: decimal.NewFromInt(mark), Rationale: "agreed"}}}
		return score.Bid{ID: id, Supplier: score.Supplier{ID: "S" + id, Name: "Supplier " + id}, Lot: "L1",
			Responses: map[string]score.Response{"price": {Price: criteria.Amount(d(price))}, "q": m}}
	}
	f, err := newField(tn, "L1", []score.Bid{bid("A", "100", 3), bid("B", "120", 4), bid("C", "110", 2)})
	require.NoError(t, err)
	atHi := func(winner, c string) tried {
		totals := map[string]score.Figure{"A": {Value: exact.Int(60), Places: 2}, "B": {Value: exact.Int(61), Places: 2}, "C": {Value: exact.Whole(d(c)), Places: 2}}
		o := outcome{Outcome: score.Winner, Winner: winner, from: fromTrial}
		for _, id := range []string{"A", "B", winner} {
			o.glance.add(id, func(id string) (score.Figure, bool) { x, ok := totals[id]; return x, ok })
		}
		return tried{pennies: 5000, rescored: rescored{res: o}}
	}
	kept := tried{pennies: 100, rescored: rescored{res: outcome{Outcome: score.Winner, Winner: "A"}}} // as though read before C was met
	b := bracket{lo: 100, hi: 5000, mLo: exact.Int(3), mHi: exact.Int(-1), okLo: true, okHi: true}
	for _, c := range []struct {
		why   string
		stale bool
		hi    tried
	}{
		{"no bid met: the margin stands", false, atHi("C", "63")},
		{"the rival won at hi", true, atHi("B", "60.5")},
		{"C a point and a half ahead of B at hi, less than half the margin of 3 at lo", true, atHi("C", "62.49")},
	} {
		ps := &priceSearch{f: f, id: "A", pc: f.priceLeaves()[0].c, rival: "B", stale: c.stale}
		ps.seen = []tried{kept, c.hi}
		_, _, again, err := ps.fresh(b)
		require.NoError(t, err, c.why)
		assert.False(t, again, c.why)
		assert.Equal(t, c.stale, ps.stale, "%s: as stale as it was", c.why)
	}

	ps := &priceSearch{f: f, id: "A", pc: f.priceLeaves()[0].c, rival: "B", stale: true}
	ps.seen = []tried{kept, atHi("C", "62.5")} // 1.5 ahead: half the margin at lo
	m, ok, again, err := ps.fresh(b)
	require.NoError(t, err)
	require.True(t, again, "stale, and C half the margin at lo ahead of B at hi")
	assert.True(t, ok)
	assert.Positive(t, m.Sign(), "A wins at £1.00")
	assert.False(t, ps.stale)
	require.Len(t, ps.seen, 2, "the trial kept at lo is replaced")
	assert.Equal(t, int64(100), ps.seen[1].pennies)
	assert.Equal(t, fromTrial, ps.seen[1].res.from, "by one re-scored")

	_, _, again, err = ps.fresh(b)
	require.NoError(t, err)
	assert.False(t, again, "read once")
}

// TestMeetNotesThirdBidsThatWin: a trial's winner is met when it is
// neither the bid asked about nor its rival nor met already, and only
// the first three, and only from a trial (an evaluation of the lot whole,
// the reference's, is read whole); each makes the margin at lo stale.
func TestMeetNotesThirdBidsThatWin(t *testing.T) {
	ps := &priceSearch{id: "A", rival: "B"}
	won := func(id string) outcome { return outcome{Outcome: score.Winner, Winner: id, from: fromTrial} }
	for _, o := range []outcome{won("A"), won("B"), won(""), {Outcome: score.Winner, Winner: "Z", from: fromLot}} {
		ps.meet(o)
	}
	assert.Zero(t, ps.nMet, "the bid, its rival, no winner, a lot evaluated whole")
	assert.False(t, ps.stale)
	ps.meet(won("C"))
	assert.Equal(t, []string{"C"}, ps.met[:ps.nMet])
	assert.True(t, ps.stale)
	ps.stale = false
	ps.meet(won("C"))
	assert.False(t, ps.stale, "C met already")
	for _, id := range []string{"D", "E", "F"} {
		ps.meet(won(id))
	}
	assert.Equal(t, []string{"C", "D", "E"}, ps.met[:ps.nMet], "the first three")
}

// TestMarginAtLowIsTheReScoring: the margin at the others' lowest price
// that marginAtLow reads from the bid's own is the one a re-scoring there
// shows, where only price moves (the relative method gives the bid price
// points in proportion to 1 ÷ its price above the lowest, and no other
// bid's total moves), to within the rounding of what it is read from and
// of what the re-scoring shows, in steps of the total as shown: the two
// totals at hi and the two at the lowest, each within half a step, a tie
// counted as half a step, and the bid's price points as shown, within
// half a step, taken P ÷ p − 1 times. Random fields of fictional bids,
// every bid priced above the others' lowest asked about.
func TestMarginAtLowIsTheReScoring(t *testing.T) {
	reads := 0
	rapid.Check(t, func(t *rapid.T) {
		d := decimal.RequireFromString
		q := func(id, w string) score.Criterion {
			return score.Criterion{ID: id, Title: id, Weight: d(w), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}}
		}
		wp := rapid.IntRange(10, 90).Draw(t, "price weight")
		tn := refTender(score.Policy{Criteria: []score.Criterion{
			{ID: "price", Title: "Price", Weight: decimal.NewFromInt(int64(wp)), Price: &criteria.PriceRule{Method: criteria.Relative}},
			q("q1", fmt.Sprint(100-wp))}})
		var bids []score.Bid
		for i := range rapid.IntRange(2, 6).Draw(t, "bids") {
			p := rapid.Int64Range(1000, 100000).Draw(t, "price")
			v := decimal.NewFromInt(rapid.Int64Range(0, 4).Draw(t, "mark"))
			id := fmt.Sprintf("B%d", i)
			bids = append(bids, score.Bid{ID: id, Supplier: score.Supplier{ID: "S" + id, Name: "Supplier " + id}, Lot: "L1",
				Responses: map[string]score.Response{"price": {Price: criteria.Amount(decimal.New(p, -2))},
					"q1": {Marks: criteria.Marks{Evaluators: []criteria.EvaluatorMark{{Evaluator: "E", Mark: v}}, Consensus: &criteria.Consensus{Mark: v, Rationale: "agreed"}}}}})
		}
		f, err := newField(tn, "L1", bids)
		require.NoError(t, err)
		pc := f.priceLeaves()[0].c
		read := 0
		for _, s := range f.base.Standings {
			if s.BidID == f.base.Winner {
				continue
			}
			cur, _ := f.tr.Quoted(s.BidID, pc.ID)
			ps := &priceSearch{f: f, id: s.BidID, pc: pc, rival: f.rival(s.BidID), current: f.currentPence(pc, s.BidID, cur)}
			mHi, ok := ps.marginAt(ps.current, false)
			require.True(t, ok)
			lowP, m, _, ok := ps.marginAtLow(bracket{lo: 1, hi: ps.current, mLo: exact.One, mHi: mHi, okLo: true, okHi: true})
			if !ok {
				continue // the bid is the lowest price, or at it
			}
			read++
			w, o, err := ps.at(lowP)
			require.NoError(t, err)
			got, ok := ps.margin(o, w)
			require.True(t, ok)
			tot, _ := o.total(s.BidID)
			ratio, err := exact.Int(ps.current).Quo(exact.Int(lowP))
			require.NoError(t, err)
			steps := frac(t, 5, 2).Add(ratio.Sub(exact.One).Mul(frac(t, 1, 2))) // see above
			if tot.Places >= 0 {
				steps = steps.Mul(exact.Whole(decimal.New(1, -tot.Places)))
			}
			off := got.Sub(m)
			require.True(t, off.Cmp(steps) <= 0 && off.Neg().Cmp(steps) <= 0, "%s at %d pennies: read %s, re-scored %s", s.BidID, lowP, m, got)
		}
		if read > 0 {
			reads++
		}
	})
	require.Positive(t, reads, "some fields had bids to read")
}

// TestThroughLowGuessesFromTheOthersLowest: the first guess, hand-worked
// on two fictional bids under price 40 (relative), quality 60 (0–4):
// B0 at £400 marked 3 (85 points), and B1.
//   - B1 at £800 marked 4 (20 + 60 = 80) loses by 5; at £400 it would
//     lead by 15, so its answer lies above the lowest: 16,000 ÷ p + 60 =
//     85 at p = £640.00, the tie.
//   - B1 at £500 marked 2 (32 + 30 = 62) loses by 23; at £400 it would
//     still lose by 15 (70 to 85), so false position runs from £100.00,
//     where it leads by 15 (70 to 10 + 45), to £400.00: the tie at
//     £250.00, where B0 has 25 + 45.
func TestThroughLowGuessesFromTheOthersLowest(t *testing.T) {
	d := decimal.RequireFromString
	tn := refTender(score.Policy{Criteria: []score.Criterion{
		{ID: "price", Title: "Price", Weight: d("40"), Price: &criteria.PriceRule{Method: criteria.Relative}},
		{ID: "q", Title: "Quality", Weight: d("60"), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}}}})
	bid := func(id, price string, mark int64) score.Bid {
		m := score.Response{Marks: criteria.Marks{Evaluators: []criteria.EvaluatorMark{{Evaluator: "E", Mark: decimal.NewFromInt(mark)}},
			Consensus: &criteria.Consensus{Mark: decimal.NewFromInt(mark), Rationale: "agreed"}}}
		return score.Bid{ID: id, Supplier: score.Supplier{ID: "S" + id, Name: "Supplier " + id}, Lot: "L1",
			Responses: map[string]score.Response{"price": {Price: criteria.Amount(d(price))}, "q": m}}
	}
	for _, c := range []struct {
		why      string
		price    string
		mark     int64
		lo       int64
		mLo, mHi int64
		want     int64
	}{
		{"above the lowest: solved", "800", 4, 1, 80, -5, 64000},
		{"below the lowest: false position to it", "500", 2, 10000, 15, -23, 25000},
	} {
		f, err := newField(tn, "L1", []score.Bid{bid("B0", "400", 3), bid("B1", c.price, c.mark)})
		require.NoError(t, err, c.why)
		pc := f.priceLeaves()[0].c
		cur, _ := f.tr.Quoted("B1", pc.ID)
		ps := &priceSearch{f: f, id: "B1", pc: pc, rival: "B0", current: f.currentPence(pc, "B1", cur)}
		mHi, ok := ps.marginAt(ps.current, false)
		require.True(t, ok, c.why)
		require.Equal(t, exact.Int(c.mHi).String(), mHi.String(), c.why)
		got, ok := ps.throughLow(bracket{lo: c.lo, hi: ps.current, mLo: exact.Int(c.mLo), mHi: mHi, okLo: true, okHi: true})
		require.True(t, ok, c.why)
		assert.Equal(t, c.want, got, c.why)
	}
}
