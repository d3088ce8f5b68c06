package frameworks

import (
	"errors"
	"time"

	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

// PA2023Commencement returns the day the Procurement Act 2023 took effect:
// procurements commenced on or after 24 February 2025 run under it, earlier
// ones (and call-offs under frameworks let before then) under the Public
// Contracts Regulations 2015. Source: [RegimeSource].
func PA2023Commencement() date.Date { return date.On(2025, time.February, 24) }

// RegimeSource is the source of the regime's commencement date and of the
// rule that call-offs follow their framework's regime.
func RegimeSource() Source {
	return Source{
		Cite:     "Procurement Act 2023 (Commencement No. 3 and Transitional and Saving Provisions) Regulations 2024 (SI 2024/716, as amended by SI 2024/959)",
		Verified: true,
		Note:     "24 February 2025; frameworks let before then and their call-offs stay under PCR 2015",
	}
}

// RegimeOn returns the regime for a procurement commenced on the given day
// outside any framework. A call-off follows its framework's regime instead
// ([Framework.Regime]).
func RegimeOn(commenced date.Date) (score.Regime, error) {
	if commenced.IsZero() {
		return "", errors.New("commenced: the date the procurement commenced is required to decide its regime")
	}
	if commenced.Before(PA2023Commencement()) {
		return score.PCR2015, nil
	}
	return score.PA2023, nil
}

// regimeName returns the regime as people write it.
func regimeName(r score.Regime) string {
	switch r {
	case score.PCR2015:
		return "PCR 2015"
	case score.PA2023:
		return "Procurement Act 2023"
	}
	return string(r)
}
