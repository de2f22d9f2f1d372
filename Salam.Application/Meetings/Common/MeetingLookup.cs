using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Domain.Meetings;
using Salam.Domain.People;

namespace Salam.Application.Meetings.Common;

/// <summary>Loading a meeting to change it, who may change it, and saving it against what the organiser last saw.</summary>
public static class MeetingLookup
{
    /// <summary>The meeting with its organisations and decisions, tracked; not found when there is none.</summary>
    public static async Task<Meeting> FindMeetingAsync(this ISalamDbContext db, int meetingId, CancellationToken cancellationToken) =>
        await db.Meetings.Include(m => m.Organisations).Include(m => m.Decisions)
            .SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken)
        ?? throw new NotFoundException(Text.Get("NotFound.Meeting"));

    /// <summary>
    /// A facilitator organises their centre's neighbourhood meetings only: they may read a county or province meeting of their
    /// province (the pipeline's reach), but recording its attendance, minutes and decisions is the provincial officer's.
    /// </summary>
    public static void EnsureMayChange(this ICurrentUser user, Meeting meeting)
    {
        if (user.Role == Role.Facilitator && meeting.Scope != MeetingScope.Neighbourhood)
            throw new ForbiddenException(Text.Get("Meeting.FacilitatorNeighbourhoodOnly"));
    }

    /// <summary>The organiser's form showed this version; any change since (another tab, a colleague) refuses the request.</summary>
    public static void EnsureSeen(this Meeting meeting, Guid version)
    {
        if (meeting.Version != version) throw new RequestRefusedException(Text.Get("Meeting.ChangedMeanwhile"));
    }

    /// <summary>Saves; a meeting changed between reading and saving (its version token, or a decision number taken) is refused, not merged.</summary>
    public static async Task SaveMeetingAsync(this ISalamDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RequestRefusedException(Text.Get("Meeting.ChangedMeanwhile"));
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            throw new RequestRefusedException(Text.Get("Meeting.ChangedMeanwhile"));
        }
    }
}
