namespace Salam.Domain.Audit;

public enum AuditAction { Created = 0, Changed = 1, Removed = 2 }

/// <summary>
/// One change to an account, a role or scope, the geography, an agency, a centre or a resident: who made it, when, and the
/// values before and after. Written in the same transaction as the change; never changed or deleted.
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent() { }

    public AuditEvent(DateTimeOffset at, int? actorUserId, string actor, AuditAction action, string kind, int subjectId, int? provinceId, string? before, string? after)
    {
        At = at;
        ActorUserId = actorUserId;
        Actor = actor;
        Action = action;
        Kind = kind;
        SubjectId = subjectId;
        ProvinceId = provinceId;
        Before = before;
        After = after;
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>The account that made the change; none for the system (jobs, the command line, the demo seeder).</summary>
    public int? ActorUserId { get; private set; }

    public string Actor { get; private set; } = "";
    public AuditAction Action { get; private set; }

    /// <summary>What changed: Province, County, Neighbourhood, Centre, Agency, Account or Resident.</summary>
    public string Kind { get; private set; } = "";

    public int SubjectId { get; private set; }

    /// <summary>The province the change belongs to, so a provincial officer reads their own province's entries; none for national things.</summary>
    public int? ProvinceId { get; private set; }

    /// <summary>The changed values as JSON (every value for a removal, none for a creation).</summary>
    public string? Before { get; private set; }

    /// <summary>The changed values as JSON (every value for a creation, none for a removal).</summary>
    public string? After { get; private set; }
}
