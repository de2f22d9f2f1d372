namespace Salam.Application.Common.Security;

public enum ScopeKind { Caller, Nation, Province, County, Neighbourhood, Centre, Round, Need, Duty, Volunteer, Agency, Facilitator, Resident }

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

    /// <summary>The target of an optional id: none when the request leaves it out.</summary>
    public static IEnumerable<ScopeTarget> IfAny(int? id, Func<int, ScopeTarget> target) => id is { } value ? [target(value)] : [];

    public override string ToString() => Kind is ScopeKind.Caller or ScopeKind.Nation ? Kind.ToString() : $"{Kind} {Id}";
}
