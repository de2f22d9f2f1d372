namespace Salam.Application.Common.Security;

public enum ScopeKind { Caller, Nation, Province, County, Neighbourhood, Centre, Round, Need, Duty, Volunteer, Agency, Facilitator, StaffAccount, StaffRole, AgencyStaff, AdministeredAgency, Resident, PaperBatch, Meeting, Public, Story, CentreDesk, Campaign, Donation, Shift }

/// <summary>One thing a request touches, by its id; <see cref="ScopeResolver"/> finds where it lives and checks the caller reaches it.</summary>
public readonly record struct ScopeTarget(ScopeKind Kind, int Id)
{
    public static ScopeTarget Caller => new(ScopeKind.Caller, 0);
    public static ScopeTarget Nation => new(ScopeKind.Nation, 0);
    public static ScopeTarget Province(int id) => new(ScopeKind.Province, id);
    public static ScopeTarget County(int id) => new(ScopeKind.County, id);
    public static ScopeTarget Neighbourhood(int id) => new(ScopeKind.Neighbourhood, id);
    public static ScopeTarget Centre(int id) => new(ScopeKind.Centre, id);
    public static ScopeTarget Round(int id) => new(ScopeKind.Round, id);
    public static ScopeTarget Need(int id) => new(ScopeKind.Need, id);
    public static ScopeTarget Duty(int id) => new(ScopeKind.Duty, id);
    public static ScopeTarget Volunteer(int id) => new(ScopeKind.Volunteer, id);
    public static ScopeTarget Agency(int id) => new(ScopeKind.Agency, id);
    public static ScopeTarget Facilitator(int userId) => new(ScopeKind.Facilitator, userId);
    public static ScopeTarget Resident(int id) => new(ScopeKind.Resident, id);

    /// <summary>A batch of paper ballots, reached through its round's neighbourhood.</summary>
    public static ScopeTarget PaperBatch(int id) => new(ScopeKind.PaperBatch, id);

    /// <summary>A meeting: reached by whoever reaches its neighbourhood, county or province (its scope).</summary>
    public static ScopeTarget Meeting(int id) => new(ScopeKind.Meeting, id);

    /// <summary>Only what is published, which anyone may read, signed in or not (see <see cref="AllowedRolesAttribute.Public"/>).</summary>
    public static ScopeTarget Public => new(ScopeKind.Public, 0);

    /// <summary>A success story: reached through its neighbourhood by staff who reach it; never by residents or agency managers.</summary>
    public static ScopeTarget Story(int id) => new(ScopeKind.Story, id);

    /// <summary>
    /// A centre as a desk to work at (recording donations, running shifts): a facilitator only their own centre, an officer their
    /// province's, national roles any. Unlike <see cref="Centre"/>, a facilitator never reaches a neighbouring centre.
    /// </summary>
    public static ScopeTarget CentreDesk(int id) => new(ScopeKind.CentreDesk, id);

    /// <summary>A campaign: national roles any; an officer their province's and the national ones; a facilitator those their centre takes part in.</summary>
    public static ScopeTarget Campaign(int id) => new(ScopeKind.Campaign, id);

    /// <summary>A donation, reached as its recording centre's desk is.</summary>
    public static ScopeTarget Donation(int id) => new(ScopeKind.Donation, id);

    /// <summary>A shift: its centre's facilitators, its province's officer, national roles, and residents of a neighbourhood it is open to.</summary>
    public static ScopeTarget Shift(int id) => new(ScopeKind.Shift, id);

    /// <summary>A staff account the caller would manage: the administrator any, an officer only facilitators and agency managers of their province.</summary>
    public static ScopeTarget StaffAccount(int userId) => new(ScopeKind.StaffAccount, userId);

    /// <summary>A role the caller would give an account: the administrator any, an officer only facilitator or agency manager.</summary>
    public static ScopeTarget StaffRole(Domain.People.Role role) => new(ScopeKind.StaffRole, (int)role);

    /// <summary>An agency the caller would appoint a manager for: unlike <see cref="Agency"/>, a national agency is the administrator's alone.</summary>
    public static ScopeTarget AgencyStaff(int agencyId) => new(ScopeKind.AgencyStaff, agencyId);

    /// <summary>An agency as something to edit, not to assign to: a national one is the nation's, a provincial one its province's.</summary>
    public static ScopeTarget AdministeredAgency(int id) => new(ScopeKind.AdministeredAgency, id);

    /// <summary>The target of an optional id: none when the request leaves it out.</summary>
    public static IEnumerable<ScopeTarget> IfAny(int? id, Func<int, ScopeTarget> target) => id is { } value ? [target(value)] : [];

    public override string ToString() => Kind is ScopeKind.Caller or ScopeKind.Nation or ScopeKind.Public ? Kind.ToString() : $"{Kind} {Id}";
}
