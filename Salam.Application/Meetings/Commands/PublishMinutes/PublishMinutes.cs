using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Common.Time;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Application.Meetings.Common;

namespace Salam.Application.Meetings.Commands.PublishMinutes;

/// <summary>Publishes the minutes: Held → MinutesPublished; every agency decision becomes its agency's duty in the same save.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record PublishMinutes(int MeetingId, Guid Version) : ICommand<Unit>, IMeetingScoped;

public sealed class PublishMinutesHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<PublishMinutes, Unit>
{
    public async ValueTask<Unit> Handle(PublishMinutes command, CancellationToken cancellationToken)
    {
        var meeting = await db.FindMeetingAsync(command.MeetingId, cancellationToken);
        user.EnsureMayChange(meeting);
        // The organiser publishes what they read: a decision added or removed since would otherwise be published unseen.
        meeting.EnsureSeen(command.Version);
        await EnsureDutiesCanBeMadeAsync(meeting, cancellationToken);

        var now = clock.GetUtcNow();
        foreach (var decision in meeting.PublishMinutes(now)) decision.BecameDuty(user.UserId ?? 0, now);
        await db.SaveMeetingAsync(cancellationToken);
        return Unit.Value;
    }

    /// <summary>
    /// Days may pass between recording a decision and publishing it: each agency decision must still be due today or later and
    /// its agency still active, or publication is refused naming the decision (remove it and record it anew).
    /// </summary>
    private async Task EnsureDutiesCanBeMadeAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        var duties = meeting.Decisions.Where(d => d.Kind == DecisionKind.AgencyDuty).OrderBy(d => d.Number).ToList();
        if (duties.FirstOrDefault(d => d.DueDate < clock.Today()) is { } late)
            throw new RequestRefusedException(Text.Get("Meeting.DecisionDueDatePassed", late.Number));
        var agencyIds = duties.Select(d => d.AgencyId).OfType<int>().Distinct().ToList();
        var inactive = await db.Agencies.Where(a => agencyIds.Contains(a.Id) && !a.IsActive).Select(a => a.Id).ToListAsync(cancellationToken);
        if (duties.FirstOrDefault(d => d.AgencyId is { } agency && inactive.Contains(agency)) is { } stale)
            throw new RequestRefusedException(Text.Get("Meeting.DecisionAgencyInactive", stale.Number));
    }
}
