using Salam.Domain.Meetings;
using Salam.Application.Common.Security;

namespace Salam.Application.Meetings.Common;

/// <summary>Touches one meeting: the caller must reach its scope (its neighbourhood, county or province).</summary>
public interface IMeetingScoped : IScoped
{
    int MeetingId { get; }
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.Meeting(MeetingId)];
}

/// <summary>An organisation as a form names it: an agency by id, residents' representatives or another group by name.</summary>
public sealed record OrganisationInput(OrganisationKind Kind, int? AgencyId, string? Name);

/// <summary>An agenda item as a form names it: a top need or a late duty (picked from the plan choices) or free text.</summary>
public sealed record AgendaInput(AgendaItemKind Kind, int? NeedId, int? DutyId, string Text);
