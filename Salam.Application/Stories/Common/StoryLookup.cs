using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Domain.Stories;

namespace Salam.Application.Stories.Common;

/// <summary>Loading a story to change it, and saving it against what its writer or reviewer last saw.</summary>
public static class StoryLookup
{
    /// <summary>The story, tracked, with its photos when asked (their bytes come along: only for adding or removing one).</summary>
    public static async Task<SuccessStory> FindStoryAsync(this ISalamDbContext db, int storyId, CancellationToken cancellationToken, bool withPhotos = false)
    {
        IQueryable<SuccessStory> stories = withPhotos ? db.SuccessStories.Include(s => s.Photos) : db.SuccessStories;
        return await stories.SingleOrDefaultAsync(s => s.Id == storyId, cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Story"));
    }

    /// <summary>The form showed this version; any change since (another tab, the officer's review) refuses the request.</summary>
    public static void EnsureSeen(this SuccessStory story, Guid version)
    {
        if (story.Version != version) throw new RequestRefusedException(Text.Get("Story.ChangedMeanwhile"));
    }

    /// <summary>Whether the duty a story tells of is Disputed now (residents said it was not done).</summary>
    public static Task<bool> DutyDisputedAsync(this ISalamDbContext db, SuccessStory story, CancellationToken cancellationToken) =>
        story.DutyId is { } dutyId
            ? db.Duties.AnyAsync(d => d.Id == dutyId && d.Status == Domain.Duties.DutyStatus.Disputed, cancellationToken)
            : Task.FromResult(false);

    /// <summary>Saves; a story changed between reading and saving (its version token) is refused, not merged.</summary>
    public static async Task<Guid> SaveStoryAsync(this ISalamDbContext db, SuccessStory story, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return story.Version;
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RequestRefusedException(Text.Get("Story.ChangedMeanwhile"));
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            throw new RequestRefusedException(Text.Get("Story.ChangedMeanwhile"));
        }
    }
}
