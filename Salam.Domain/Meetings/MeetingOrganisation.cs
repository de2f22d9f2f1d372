using Salam.Domain.Common;

namespace Salam.Domain.Meetings;

/// <summary>Who takes part: an agency (NGOs and the neighbourhood cooperative are agencies of those kinds), or a named group such as the residents' representatives.</summary>
public enum OrganisationKind { Agency = 0, ResidentsRepresentatives = 1, Other = 2 }

/// <summary>An organisation invited to (or found at) a meeting. An agency is named by its id, any other by its name.</summary>
public sealed class MeetingOrganisation : Entity
{
    public const int MaxNameLength = 200;

    private MeetingOrganisation() { }

    public MeetingOrganisation(OrganisationKind kind, int? agencyId, string? name, bool invited = true)
    {
        if (!Enum.IsDefined(kind)) throw new DomainException("Meeting.OrganisationInvalid");
        if (kind == OrganisationKind.Agency && agencyId is null) throw new DomainException("Meeting.OrganisationInvalid");
        if (kind != OrganisationKind.Agency && string.IsNullOrWhiteSpace(name)) throw new DomainException("Meeting.OrganisationNameRequired");
        if (name is not null && name.Trim().Length > MaxNameLength) throw new DomainException("Meeting.OrganisationNameTooLong", MaxNameLength);
        Kind = kind;
        AgencyId = kind == OrganisationKind.Agency ? agencyId : null;
        Name = kind == OrganisationKind.Agency ? null : name!.Trim();
        Invited = invited;
    }

    public int MeetingId { get; private set; }
    public OrganisationKind Kind { get; private set; }
    public int? AgencyId { get; private set; }
    public string? Name { get; private set; }
    public bool Invited { get; private set; }
    public bool Attended { get; internal set; }

    public bool IsSameAs(MeetingOrganisation other) => Kind == other.Kind && (Kind == OrganisationKind.Agency
        ? AgencyId == other.AgencyId
        : string.Equals(Name, other.Name?.Trim(), StringComparison.OrdinalIgnoreCase));
}

public enum AgendaItemKind { TopNeed = 0, LateDuty = 1, Free = 2 }

/// <summary>One item of the agenda: a top need of the latest round, an overdue or blocked duty, or free text; its text is kept as planned.</summary>
public sealed class AgendaItem : Entity
{
    public const int MaxTextLength = 300;

    private AgendaItem() { }

    public AgendaItem(AgendaItemKind kind, int? needId, int? dutyId, string text)
    {
        if (!Enum.IsDefined(kind)) throw new DomainException("Meeting.AgendaItemInvalid");
        if (kind == AgendaItemKind.TopNeed && needId is null || kind == AgendaItemKind.LateDuty && dutyId is null) throw new DomainException("Meeting.AgendaItemInvalid");
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException("Meeting.AgendaItemTextRequired");
        if (text.Trim().Length > MaxTextLength) throw new DomainException("Meeting.AgendaItemTooLong", MaxTextLength);
        Kind = kind;
        NeedId = kind == AgendaItemKind.TopNeed ? needId : null;
        DutyId = kind == AgendaItemKind.LateDuty ? dutyId : null;
        Text = text.Trim();
    }

    public int MeetingId { get; private set; }
    public int Order { get; internal set; }
    public AgendaItemKind Kind { get; private set; }
    public int? NeedId { get; private set; }
    public int? DutyId { get; private set; }
    public string Text { get; private set; } = "";
}
