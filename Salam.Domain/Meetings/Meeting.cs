using Salam.Domain.Audit;
using Salam.Domain.Common;

namespace Salam.Domain.Meetings;

public enum MeetingKind { NeighbourhoodCoordination = 0, CountyCoordination = 1, ProvincialCoordination = 2, ParticipationCouncil = 3 }

public enum MeetingStatus { Planned = 0, Held = 1, MinutesPublished = 2 }

/// <summary>Where a meeting's remit ends: one neighbourhood (its facilitator's), a county, or the whole province.</summary>
public enum MeetingScope { Neighbourhood = 0, County = 1, Province = 2 }

/// <summary>
/// A coordination meeting or a sitting of the People's Participation Council (seeds 002–004): planned with its invitations and
/// agenda, held with an attendance record, closed with minutes and decisions. A decision naming an agency and a due date becomes
/// that agency's duty when the minutes are published; published decisions are never edited, only amended by new ones.
/// </summary>
public sealed class Meeting : Entity, IAudited
{
    public const int MaxTitleLength = 200;
    public const int MaxPlaceLength = 300;
    public const int MaxMinutesLength = 20_000;
    public const int MaxAttendees = 10_000;
    public const int MaxAgendaItems = 40;
    public const int MaxOrganisations = 60;

    private Meeting() { }

    /// <summary>Plans a meeting. The caller has already checked the scope is the organiser's and the organisations are in it.</summary>
    public Meeting(MeetingKind kind, string title, string place, DateTimeOffset startsAt, int provinceId, int? countyId, int? neighbourhoodId,
        IReadOnlyList<MeetingOrganisation> invited, IReadOnlyList<AgendaItem> agenda, int organisedByUserId, DateTimeOffset now)
    {
        if (!Enum.IsDefined(kind)) throw new DomainException("Meeting.KindInvalid");
        if (string.IsNullOrWhiteSpace(title)) throw new DomainException("Meeting.TitleRequired");
        if (title.Trim().Length > MaxTitleLength) throw new DomainException("Meeting.TitleTooLong", MaxTitleLength);
        if (string.IsNullOrWhiteSpace(place)) throw new DomainException("Meeting.PlaceRequired");
        if (place.Trim().Length > MaxPlaceLength) throw new DomainException("Meeting.PlaceTooLong", MaxPlaceLength);
        if (startsAt < now) throw new DomainException("Meeting.StartsInPast");
        if (neighbourhoodId is not null && countyId is null) throw new DomainException("Meeting.ScopeInvalid");
        if (invited.Count == 0) throw new DomainException("Meeting.NoOrganisationInvited");
        if (invited.Count > MaxOrganisations) throw new DomainException("Meeting.TooManyOrganisations", MaxOrganisations);
        RequireEachOnce(invited);
        if (agenda.Count > MaxAgendaItems) throw new DomainException("Meeting.TooManyAgendaItems", MaxAgendaItems);
        Kind = kind;
        Title = title.Trim();
        Place = place.Trim();
        StartsAt = startsAt;
        ProvinceId = provinceId;
        CountyId = countyId;
        NeighbourhoodId = neighbourhoodId;
        OrganisedByUserId = organisedByUserId;
        PlannedAt = now;
        Status = MeetingStatus.Planned;
        Organisations = [.. invited];
        for (var i = 0; i < agenda.Count; i++) agenda[i].Order = i + 1;
        Agenda = [.. agenda];
        Version = Guid.NewGuid();
    }

    public MeetingKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string Place { get; private set; } = "";

    /// <summary>When it starts (UTC); shown in Jalali, Tehran time.</summary>
    public DateTimeOffset StartsAt { get; private set; }

    /// <summary>Always set: every meeting belongs to a province, whatever its scope, so the provincial officer sees them all.</summary>
    public int ProvinceId { get; private set; }

    /// <summary>Set for a county or neighbourhood meeting.</summary>
    public int? CountyId { get; private set; }

    /// <summary>Set for a neighbourhood meeting.</summary>
    public int? NeighbourhoodId { get; private set; }

    public MeetingScope Scope => NeighbourhoodId is not null ? MeetingScope.Neighbourhood : CountyId is not null ? MeetingScope.County : MeetingScope.Province;

    public int OrganisedByUserId { get; private set; }
    public DateTimeOffset PlannedAt { get; private set; }
    public MeetingStatus Status { get; private set; }

    /// <summary>The organisations invited, and after the meeting which of them came (some may come uninvited).</summary>
    public List<MeetingOrganisation> Organisations { get; private set; } = [];

    public List<AgendaItem> Agenda { get; private set; } = [];

    /// <summary>How many people came, recorded with the attendance.</summary>
    public int? Attendees { get; private set; }
    public DateTimeOffset? HeldRecordedAt { get; private set; }

    /// <summary>Markdown, as the organiser wrote it; rendered only through the sanitising Markdown view.</summary>
    public string Minutes { get; private set; } = "";

    /// <summary>Shown to the residents of the neighbourhoods in scope once published.</summary>
    public bool MinutesPublic { get; private set; }
    public DateTimeOffset? MinutesPublishedAt { get; private set; }

    public List<MeetingDecision> Decisions { get; private set; } = [];

    /// <summary>Optimistic concurrency token, renewed on every change.</summary>
    public Guid Version { get; private set; }

    /// <summary>Records who came once the meeting's time has come: at least one organisation, and how many people.</summary>
    public void RecordAttendance(IReadOnlyCollection<MeetingOrganisation> attended, int attendees, DateTimeOffset now)
    {
        if (Status == MeetingStatus.MinutesPublished) throw new DomainException("Meeting.AlreadyPublished");
        if (now < StartsAt) throw new DomainException("Meeting.NotYetHeld");
        if (attended.Count == 0) throw new DomainException("Meeting.NoOrganisationAttended");
        if (attended.Count > MaxOrganisations) throw new DomainException("Meeting.TooManyOrganisations", MaxOrganisations);
        RequireEachOnce(attended);
        if (attendees is < 1 or > MaxAttendees) throw new DomainException("Meeting.AttendeesOutOfRange", 1, MaxAttendees);
        foreach (var organisation in Organisations) organisation.Attended = attended.Any(a => a.IsSameAs(organisation));
        foreach (var uninvited in attended.Where(a => !Organisations.Any(o => o.IsSameAs(a))))
            Organisations.Add(new MeetingOrganisation(uninvited.Kind, uninvited.AgencyId, uninvited.Name, invited: false) { Attended = true });
        Attendees = attendees;
        HeldRecordedAt ??= now;
        Status = MeetingStatus.Held;
        Version = Guid.NewGuid();
    }

    /// <summary>Saves the minutes' draft; the meeting must have been held (its time passed and attendance recorded).</summary>
    public void WriteMinutes(string minutes, bool isPublic)
    {
        RequireHeldNotPublished();
        if ((minutes ?? "").Length > MaxMinutesLength) throw new DomainException("Meeting.MinutesTooLong", MaxMinutesLength);
        Minutes = minutes ?? "";
        MinutesPublic = isPublic;
        Version = Guid.NewGuid();
    }

    /// <summary>Adds a decision to the draft minutes; it becomes binding (and a duty, if it names an agency) when they are published.</summary>
    public MeetingDecision Decide(DecisionDraft draft, int byUserId, DateTimeOffset now)
    {
        RequireHeldNotPublished();
        return AddDecision(draft, amends: null, byUserId, now);
    }

    /// <summary>Removes a draft decision; published decisions stay for ever.</summary>
    public void RemoveDecision(int decisionId)
    {
        RequireHeldNotPublished();
        var decision = Decisions.SingleOrDefault(d => d.Id == decisionId) ?? throw new DomainException("Meeting.DecisionNotFound");
        Decisions.Remove(decision);
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// Publishes the minutes and their decisions, from now on unchangeable. Returns the decisions that name an agency: the caller
    /// makes each its duty (<see cref="MeetingDecision.BecameDuty"/>) in the same save.
    /// </summary>
    public IReadOnlyList<MeetingDecision> PublishMinutes(DateTimeOffset now)
    {
        RequireHeldNotPublished();
        if (string.IsNullOrWhiteSpace(Minutes)) throw new DomainException("Meeting.MinutesRequired");
        Status = MeetingStatus.MinutesPublished;
        MinutesPublishedAt = now;
        Version = Guid.NewGuid();
        return [.. Decisions.Where(d => d.Kind == DecisionKind.AgencyDuty)];
    }

    /// <summary>A correction of a published decision: a new decision that says which one it amends; both stay visible.</summary>
    public MeetingDecision Amend(int amendedDecisionId, DecisionDraft draft, int byUserId, DateTimeOffset now)
    {
        if (Status != MeetingStatus.MinutesPublished) throw new DomainException("Meeting.AmendOnlyPublished");
        if (Decisions.All(d => d.Id != amendedDecisionId)) throw new DomainException("Meeting.DecisionNotFound");
        return AddDecision(draft, amendedDecisionId, byUserId, now);
    }

    private MeetingDecision AddDecision(DecisionDraft draft, int? amends, int byUserId, DateTimeOffset now)
    {
        if (Decisions.Count >= MeetingDecision.MaxPerMeeting) throw new DomainException("Meeting.TooManyDecisions", MeetingDecision.MaxPerMeeting);
        if (NeighbourhoodId is { } own && draft.NeighbourhoodId is { } named && named != own) throw new DomainException("Meeting.DecisionOutsideScope");
        var decision = new MeetingDecision(Decisions.Count == 0 ? 1 : Decisions.Max(d => d.Number) + 1, draft with { NeighbourhoodId = draft.NeighbourhoodId ?? NeighbourhoodId },
            amends, byUserId, now);
        Decisions.Add(decision);
        Version = Guid.NewGuid();
        return decision;
    }

    // An organisation named twice would be invited twice, or an uninvited one added twice to the attendance.
    private static void RequireEachOnce(IReadOnlyCollection<MeetingOrganisation> organisations)
    {
        if (organisations.Select((o, i) => organisations.Skip(i + 1).Any(o.IsSameAs)).Any(twice => twice)) throw new DomainException("Meeting.OrganisationTwice");
    }

    private void RequireHeldNotPublished()
    {
        if (Status == MeetingStatus.MinutesPublished) throw new DomainException("Meeting.AlreadyPublished");
        if (Status != MeetingStatus.Held) throw new DomainException("Meeting.NotYetHeld");
    }
}
