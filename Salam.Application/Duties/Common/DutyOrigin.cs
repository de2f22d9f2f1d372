using Salam.Domain.Meetings;

namespace Salam.Application.Duties.Common;

/// <summary>Where a duty was decided: the meeting and the decision's number in its minutes (the duty's timeline starts here).</summary>
public sealed record DutyOrigin(int MeetingId, string MeetingTitle, MeetingKind Kind, DateTimeOffset StartsAt, int DecisionNumber);
