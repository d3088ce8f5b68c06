package criteria

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
)

// Level is one mark on a scale with the descriptor evaluators mark against.
type Level struct {
	Mark       decimal.Decimal `json:"mark"`
	Descriptor string          `json:"descriptor,omitempty"`
}

// Scale is a declared set of marks. Marks must be distinct and not negative;
// the highest is the maximum mark. The scales in common UK use are returned
// by the functions below, each citing its source
// (docs/sources/quality-and-moderation.md); any other is a custom scale
// built with a literal or [NewScale].
type Scale struct {
	// Name identifies the scale in explanations ("0–4").
	Name string `json:"name"`
	// Levels lists the marks, in any order.
	Levels []Level `json:"levels"`
	// Source says where the scale and its descriptors come from.
	Source string `json:"source,omitempty"`
}

func lv(mark int64, descriptor string) Level {
	return Level{Mark: decimal.NewFromInt(mark), Descriptor: descriptor}
}

// Scale0to4 is 0 Unacceptable, 1 Poor, 2 Acceptable, 3 Good, 4 Excellent.
func Scale0to4() Scale {
	return Scale{Name: "0–4", Source: "Scottish Government, Procurement Journey and Supplier Journey",
		Levels: []Level{lv(0, "Unacceptable"), lv(1, "Poor"), lv(2, "Acceptable"), lv(3, "Good"), lv(4, "Excellent")}}
}

// Scale0to5 is 0 Unacceptable … 3 Satisfactory, 4 Good, 5 Excellent. The
// descriptors for 1 and 2 are not given by the source; "Poor" and "Weak" are
// this library's wording, marked so in Source.
func Scale0to5() Scale {
	return Scale{Name: "0–5", Source: "further education sector guidance (0, 3, 4, 5); the descriptors for 1 and 2 are this library's wording, unverified",
		Levels: []Level{lv(0, "Unacceptable"), lv(1, "Poor"), lv(2, "Weak"), lv(3, "Satisfactory"), lv(4, "Good"), lv(5, "Excellent")}}
}

// Scale0to100By25 is 0 Unacceptable, 25 Poor, 50 Acceptable, 75 Good, 100
// Excellent.
func Scale0to100By25() Scale {
	return Scale{Name: "0/25/50/75/100", Source: "Scottish Supplier Journey, award stage (verified to 50; 75 and 100 unverified, one secondary source)",
		Levels: []Level{lv(0, "Unacceptable"), lv(25, "Poor"), lv(50, "Acceptable"), lv(75, "Good"), lv(100, "Excellent")}}
}

// Scale0to10Stepped is 0 Unacceptable, 2 Poor, 5 Satisfactory, 8 Good, 10
// Excellent.
func Scale0to10Stepped() Scale {
	return Scale{Name: "0/2/5/8/10", Source: "DfE School Buildings Construction Framework 2025, Appendix H",
		Levels: []Level{lv(0, "Unacceptable"), lv(2, "Poor"), lv(5, "Satisfactory"), lv(8, "Good"), lv(10, "Excellent")}}
}

// NewScale builds a custom scale from marks and descriptors.
func NewScale(name string, levels ...Level) Scale { return Scale{Name: name, Levels: levels} }

// Validate reports every problem with the scale.
func (s Scale) Validate() []Problem {
	var ps problems
	if len(s.Levels) < 2 {
		ps.add("levels", fmt.Sprint(len(s.Levels)), "at-least-2", "a scale needs at least two marks")
	}
	seen := map[string]int{}
	for i, l := range s.Levels {
		f := fmt.Sprintf("levels[%d].mark", i)
		if !ps.size(f, l.Mark) {
			continue
		}
		if l.Mark.Sign() < 0 {
			ps.add(f, l.Mark.String(), "non-negative", "marks cannot be negative")
		}
		k := l.Mark.String()
		if j, dup := seen[k]; dup {
			ps.add(f, k, "unique", "mark already on the scale at levels[%d]", j)
		}
		seen[k] = i
	}
	if len(s.Levels) >= 2 && s.Max().Sign() <= 0 {
		ps.add("levels", s.Max().String(), "positive-max", "the highest mark must be more than zero")
	}
	return ps
}

// Max returns the highest mark.
func (s Scale) Max() decimal.Decimal {
	var m decimal.Decimal
	for i, l := range s.Levels {
		if i == 0 || l.Mark.Cmp(m) > 0 {
			m = l.Mark
		}
	}
	return m
}

// Level returns the level with the given mark, if the scale has it.
func (s Scale) Level(mark decimal.Decimal) (Level, bool) {
	for _, l := range s.Levels {
		if l.Mark.Equal(mark) {
			return l, true
		}
	}
	return Level{}, false
}

// Contains reports whether mark is one of the scale's marks.
func (s Scale) Contains(mark decimal.Decimal) bool {
	_, ok := s.Level(mark)
	return ok
}

// Marks lists the scale's marks in ascending order, as text: "0, 1, 2, 3, 4".
func (s Scale) Marks() string {
	ms := make([]decimal.Decimal, len(s.Levels))
	for i, l := range s.Levels {
		ms[i] = l.Mark
	}
	sortDecimals(ms)
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = exact.Plain(m)
	}
	return strings.Join(parts, ", ")
}

// label returns "3 (Good)" for a mark on the scale, or "3" otherwise.
func (s Scale) label(mark decimal.Decimal) string {
	if l, ok := s.Level(mark); ok && l.Descriptor != "" {
		return fmt.Sprintf("%s (%s)", exact.Plain(mark), l.Descriptor)
	}
	return exact.Plain(mark)
}

func sortDecimals(ds []decimal.Decimal) {
	for i := 1; i < len(ds); i++ {
		for j := i; j > 0 && ds[j].Cmp(ds[j-1]) < 0; j-- {
			ds[j], ds[j-1] = ds[j-1], ds[j]
		}
	}
}
