package report

import (
	"fmt"

	"github.com/tenderscore/tenderscore/score"
)

// Document is the kind of document a bidder is given about a lot's award.
// What the law requires — whether anything is owed at all — follows the
// lot's award route and regime, and whether the bidder's tender was
// assessed.
type Document string

// Documents.
const (
	// StatutorySummary is the assessment summary owed, before the contract
	// award notice is published, to each supplier that submitted an
	// assessed tender for a contract awarded under s.19 (Procurement Act
	// 2023 s.50(3)), with the content of Procurement Regulations 2024 reg 31
	// (for a devolved Welsh authority, Procurement (Wales) Regulations 2024
	// reg 32).
	StatutorySummary Document = "assessment-summary"
	// AwardDecisionNotice is the notice of the decision to award the
	// contract owed to each tenderer under the Public Contracts Regulations
	// 2015 reg 86: the award criteria; the reasons for the decision,
	// including the characteristics and relative advantages of the successful
	// tender and both tenders' scores; the successful tenderer's name; and a
	// precise statement of when the standstill period is expected to end
	// (reg 86(2)).
	AwardDecisionNotice Document = "award-decision-notice"
	// VoluntaryDebrief is given where the law requires none: a contract
	// awarded in accordance with a framework under the Procurement Act 2023
	// (ss.45–46; s.50(3) covers s.19 awards only), or based on a framework
	// agreement under PCR 2015 (reg 86(5)). It keeps an assessment summary's
	// structure and says that it is voluntary.
	VoluntaryDebrief Document = "voluntary-debrief"
	// DisregardLetter tells a supplier that its tender was disregarded and
	// why. A disregarded tender is not an assessed tender (PA 2023
	// s.50(5)(b)), so it is owed no assessment summary; the letter gives no
	// scores.
	DisregardLetter Document = "disregard-letter"
)

// Title is the document's heading: "Assessment summary".
func (d Document) Title() string {
	switch d {
	case StatutorySummary:
		return "Assessment summary"
	case AwardDecisionNotice:
		return "Notice of the award decision"
	case VoluntaryDebrief:
		return "Debrief"
	case DisregardLetter:
		return "Your tender was disregarded"
	}
	return string(d)
}

// documentFor decides which document a bidder is given for a lot, from the
// lot's procedure, the authority and whether the tender was disregarded.
func documentFor(p score.Procedure, disregarded bool) Document {
	switch {
	case p.AwardRoute() == score.FrameworkCallOff:
		return VoluntaryDebrief
	case p.Regime == score.PCR2015:
		return AwardDecisionNotice
	case disregarded:
		return DisregardLetter
	}
	return StatutorySummary
}

// welsh reports whether the authority is a devolved Welsh authority, whose
// assessment summaries follow the Procurement (Wales) Regulations 2024. The
// model knows the authority's nation and type: a sub-central authority in
// Wales is read as devolved.
func welsh(a score.Authority) bool {
	return a.Nation == score.Wales && a.Type == score.SubCentral
}

// basisText is the document's legal basis, in the paragraphs a bidder
// reads: what the document is, under which provision, and what follows.
func basisText(doc Document, p score.Procedure, a score.Authority) []string {
	regs := "regulation 31 of the Procurement Regulations 2024"
	if welsh(a) {
		regs = "regulation 32 of the Procurement (Wales) Regulations 2024"
	}
	const confidential = "It shows nothing of any other unsuccessful bidder's tender: no name, price, mark or position."
	switch doc {
	case StatutorySummary:
		return []string{
			fmt.Sprintf("This is the assessment summary of your tender under section 50(3) of the Procurement Act 2023, for a contract to be awarded under section 19 following %s. "+
				"It holds what %s requires: the award criteria, how your tender was assessed against each criterion and sub-criterion and why, "+
				"the same for the most advantageous tender, and why the contract is or is not being awarded to you.", p.Words(), regs),
			"The authority will then publish a contract award notice; the standstill period runs from the day it is published (section 51). " + confidential,
		}
	case AwardDecisionNotice:
		return []string{
			fmt.Sprintf("This is the notice of the authority's decision to award the contract under regulation 86 of the Public Contracts Regulations 2015, following %s. "+
				"It states the award criteria, the reasons for the decision including the characteristics and relative advantages of the successful tender, "+
				"your tender's score and the successful tender's, and the successful tenderer's name.", p.Words()),
			"The contract will not be entered into before the standstill period under regulation 87 ends. " + confidential,
		}
	case VoluntaryDebrief:
		if p.Regime == score.PCR2015 {
			return []string{
				fmt.Sprintf("This debrief is given voluntarily. The contract is based on a framework agreement, awarded by %s, so regulation 86 of the Public Contracts Regulations 2015 "+
					"does not require a notice of the award decision (regulation 86(5)). It follows the structure of a notice of the award decision: "+
					"the award criteria, how your tender and the successful tender were scored and why, and why your tender was or was not successful.", p.Words()),
				confidential,
			}
		}
		return []string{
			fmt.Sprintf("This debrief is given voluntarily. The contract is awarded in accordance with a framework (Procurement Act 2023 sections 45 and 46), as %s, "+
				"so no assessment summary is required: section 50(3) applies to contracts awarded under section 19. It follows the structure of an assessment summary: "+
				"the award criteria, how your tender and the most advantageous tender were scored and why, and why your tender was or was not successful.", p.Words()),
			"The authority will still publish a contract award notice before entering into the contract (section 50(1)). " + confidential,
		}
	case DisregardLetter:
		return []string{
			fmt.Sprintf("Your tender for this lot, in %s, was disregarded in the assessment of tenders, for the reason below. "+
				"A disregarded tender is not an assessed tender (Procurement Act 2023 section 50(5)(b)), so this letter is not an assessment summary: "+
				"your tender was not scored against the award criteria.", p),
			"The authority will publish a contract award notice naming the supplier to be awarded the contract (section 50(1)).",
		}
	}
	return nil
}
