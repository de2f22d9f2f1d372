using Salam.Domain.Audit;
using Salam.Domain.Common;
using Salam.Domain.Duties;
using Salam.Domain.People;

namespace Salam.Domain.Meetings;

/// <summary>What a decision asks for: a duty of an agency, volunteers for a need, or a plain resolution.</summary>
public enum DecisionKind { AgencyDuty = 0, VolunteerNeed = 1, Resolution = 2 }

/// <summary>What the organiser fills in for a decision. The neighbourhood defaults to a neighbourhood meeting's own.</summary>
public sealed record DecisionDraft(DecisionKind Kind, string Title, string Details, int? AgencyId, int? NeighbourhoodId, DateOnly? DueDate,
    int? NeedId, VolunteerSkill Skills = VolunteerSkill.None);

/// <summary>
/// A decision of a meeting, numbered within it. An <see cref="DecisionKind.AgencyDuty"/> names an agency, a neighbourhood and a due
/// date and becomes that agency's duty on publication (<see cref="DutyId"/>, the link both ways: the duty's origin is found from here).
/// </summary>
public sealed class MeetingDecision : Entity, IAudited
{
    public const int MaxPerMeeting = 100;

    private MeetingDecision() { }

    internal MeetingDecision(int number, DecisionDraft draft, int? amendsDecisionId, int byUserId, DateTimeOffset now)
    {
        if (!Enum.IsDefined(draft.Kind)) throw new DomainException("Decision.KindInvalid");
        if (string.IsNullOrWhiteSpace(draft.Title)) throw new DomainException("Duty.TitleRequired");
        if (draft.Title.Trim().Length > Duty.MaxTitleLength) throw new DomainException("Duty.TitleTooLong", Duty.MaxTitleLength);
        if ((draft.Details ?? "").Trim().Length > Duty.MaxDescriptionLength) throw new DomainException("Duty.DescriptionTooLong", Duty.MaxDescriptionLength);
        switch (draft.Kind)
        {
            case DecisionKind.AgencyDuty:
                if (draft.AgencyId is null) throw new DomainException("Decision.AgencyRequired");
                if (draft.NeighbourhoodId is null) throw new DomainException("Decision.NeighbourhoodRequired");
                if (draft.DueDate is not { } due) throw new DomainException("Decision.DueDateRequired");
                if (due < ProgrammeCalendar.DayOf(now)) throw new DomainException("Duty.DueDateInPast");
                break;
            case DecisionKind.VolunteerNeed:
                if (draft.NeedId is null) throw new DomainException("Decision.NeedRequired");
                if (draft.Skills == VolunteerSkill.None) throw new DomainException("Decision.SkillRequired");
                break;
        }
        Number = number;
        Kind = draft.Kind;
        Title = draft.Title.Trim();
        Details = (draft.Details ?? "").Trim();
        AgencyId = draft.Kind == DecisionKind.AgencyDuty ? draft.AgencyId : null;
        NeighbourhoodId = draft.NeighbourhoodId;
        DueDate = draft.Kind == DecisionKind.AgencyDuty ? draft.DueDate : null;
        NeedId = draft.NeedId;
        Skills = draft.Kind == DecisionKind.VolunteerNeed ? draft.Skills : VolunteerSkill.None;
        AmendsDecisionId = amendsDecisionId;
        RecordedByUserId = byUserId;
        RecordedAt = now;
    }

    public int MeetingId { get; private set; }
    public Meeting? Meeting { get; private set; }

    /// <summary>1, 2, 3… within the meeting, in the order recorded; an amendment takes the next number.</summary>
    public int Number { get; private set; }
    public DecisionKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string Details { get; private set; } = "";
    public int? AgencyId { get; private set; }
    public int? NeighbourhoodId { get; private set; }
    public DateOnly? DueDate { get; private set; }
    public int? NeedId { get; private set; }
    public VolunteerSkill Skills { get; private set; }

    /// <summary>The published decision this one corrects; the old one stays visible, marked as amended.</summary>
    public int? AmendsDecisionId { get; private set; }
    public int RecordedByUserId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The duty this decision became (agency decisions, once published).</summary>
    public int? DutyId { get; private set; }
    public Duty? Duty { get; private set; }

    /// <summary>Makes the decision's duty: assigned to its agency for its neighbourhood, due on its date, linked to this decision.</summary>
    public Duty BecameDuty(int byUserId, DateTimeOffset now)
    {
        if (Kind != DecisionKind.AgencyDuty || AgencyId is not { } agency || NeighbourhoodId is not { } place || DueDate is not { } due)
            throw new DomainException("Decision.NotADuty");
        if (Duty is not null || DutyId is not null) throw new DomainException("Decision.AlreadyADuty");
        Duty = new Duty(agency, place, NeedId, Title, Details, due, byUserId, now);
        return Duty;
    }
}
