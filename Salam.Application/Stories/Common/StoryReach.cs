using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Domain.Duties;
using Salam.Domain.People;
using Salam.Domain.Stories;

namespace Salam.Application.Stories.Common;

/// <summary>
/// Which stories a caller sees. The pipeline checks a story's neighbourhood is in reach; beyond that a draft is its centre's
/// own until submitted, and ministry staff work only with published stories (to feature them).
/// </summary>
public static class StoryReach
{
    /// <summary>The stories the caller may read in the staff pages.</summary>
    public static IQueryable<SuccessStory> StoriesFor(this ISalamDbContext db, ICurrentUser user, ScopeGuard scope) => user.Role switch
    {
        Role.Facilitator => db.SuccessStories.Where(s => scope.Neighbourhoods().Any(n => n.Id == s.NeighbourhoodId)),
        Role.ProvinceOfficer => db.SuccessStories.Where(s => s.ProvinceId == user.ProvinceId && s.Status != StoryStatus.Draft),
        Role.MinistryStaff => db.SuccessStories.Where(s => s.Status == StoryStatus.Approved),
        _ => db.SuccessStories.Where(_ => false),
    };

    /// <summary>
    /// What anyone may read: approved stories, except while the duty one tells of is Disputed (residents said it was not done,
    /// so the public pages and the feed do not praise it until the agency settles it).
    /// </summary>
    public static IQueryable<SuccessStory> Published(this ISalamDbContext db) => db.SuccessStories
        .Where(s => s.Status == StoryStatus.Approved && !db.Duties.Any(d => d.Id == s.DutyId && d.Status == DutyStatus.Disputed));
}
