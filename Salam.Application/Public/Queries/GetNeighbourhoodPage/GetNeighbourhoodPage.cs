using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Time;
using Salam.Application.Meetings.Queries;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Application.Meetings.Queries.GetPublicMinutes;
using Salam.Application.Public.Common;
using Salam.Application.Stories.Queries.GetPublishedStories;
using Salam.Domain.Duties;
using Salam.Domain.Needs;
using Salam.Domain.People;
using Salam.Domain.Geography;
using Salam.Domain.Rounds;

namespace Salam.Application.Public.Queries.GetNeighbourhoodPage;

/// <summary>
/// A neighbourhood's public page (/n/{code}), for anyone without signing in: its centre, its current round (no identities), its
/// last published results, the duties for its top priorities, public minutes, volunteers by skill and its stories. Small counts
/// are withheld (<see cref="PublicCount"/>). Not found for an unknown or inactive neighbourhood.
/// </summary>
[AllowedRoles(Public = true)]
public sealed record GetNeighbourhoodPage(string Code) : IQuery<NeighbourhoodPage>, IPublicScoped;

public sealed record NeighbourhoodPage(string Code, PlaceName Name, PlaceName County, PlaceName Province, string ProvinceCode, PublicCentre? Centre,
    PublicRound? CurrentRound, PublicResults? LatestResults, IReadOnlyList<PublicDuty> Duties, IReadOnlyList<PublicMinutes> Minutes,
    PublicCount Volunteers, IReadOnlyList<PublicSkillCount> VolunteersBySkill, IReadOnlyList<PublishedStory> Stories);

public sealed record PublicCentre(PlaceName Name, string Address);

/// <summary>The round open now (or the next to open): its window and how many took part so far.</summary>
public sealed record PublicRound(string Title, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, PublicCount Participants);

public sealed record PublicResults(string RoundTitle, DateTimeOffset PublishedAt, PublicCount Participants, IReadOnlyList<PublicResultLine> Lines);

public sealed record PublicResultLine(int Position, int NeedId, string NeedTitle, NeedCategory Category);

/// <summary>
/// A duty for one of the top priorities as the public sees it. Confirmations are residents' answers to its latest completion;
/// Disputed shows in <see cref="Status"/>.
/// </summary>
public sealed record PublicDuty(int DutyId, string Title, string? NeedTitle, PlaceName Agency, AgencyKind AgencyKind, DutyStatus Status, int Percent,
    DateOnly DueDate, int DaysOverdue, DateTimeOffset? LastUpdateAt, string? LastUpdateNote, PublicConfirmations? Confirmations);

public sealed record PublicConfirmations(PublicCount Yes, PublicCount Partly, PublicCount No);

public sealed record PublicSkillCount(VolunteerSkill Skill, PublicCount Count);

/// <summary>A code longer than any place's is no place's: not found, without asking the database.</summary>
public sealed class GetNeighbourhoodPageValidator : AbstractValidator<GetNeighbourhoodPage>
{
    public GetNeighbourhoodPageValidator() =>
        RuleFor(q => q.Code).NotEmpty().MaximumLength(Place.CodeMaxLength).WithMessage(_ => Text.Get("NotFound.Neighbourhood"));
}

public sealed class GetNeighbourhoodPageHandler(ISalamDbContext db, ISender sender, TimeProvider clock) : IQueryHandler<GetNeighbourhoodPage, NeighbourhoodPage>
{
    /// <summary>The priorities whose duties the page follows: the leading results of the last published round.</summary>
    public const int TopPriorities = 5;

    private const int MostMinutes = 3;
    private const int MostStories = 3;

    public async ValueTask<NeighbourhoodPage> Handle(GetNeighbourhoodPage query, CancellationToken cancellationToken)
    {
        var code = Place.NormaliseCode(query.Code);
        var place = await db.Neighbourhoods.AsNoTracking()
            .Where(n => n.Code == code && n.IsActive && n.County!.IsActive && n.County.Province!.IsActive)
            .Select(n => new
            {
                n.Id, n.CountyId, n.County!.ProvinceId, ProvinceCode = n.County.Province!.Code,
                Name = new PlaceName(n.NameFa, n.NameEn),
                County = new PlaceName(n.County.NameFa, n.County.NameEn),
                Province = new PlaceName(n.County.Province.NameFa, n.County.Province.NameEn),
                Centre = n.Centre == null ? null : new PublicCentre(new PlaceName(n.Centre.NameFa, n.Centre.NameEn), n.Centre.Address),
            })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Neighbourhood"));

        var now = clock.GetUtcNow();
        var today = clock.Today();
        // The round open now; a draft is nobody's business yet.
        var round = await db.PriorityRounds.AsNoTracking()
            .Where(r => r.NeighbourhoodId == place.Id && r.Status == RoundStatus.Open && r.ClosesAt > now)
            .OrderBy(r => r.ClosesAt).ThenBy(r => r.Id)
            .Select(r => new { r.Title, r.OpensAt, r.ClosesAt, Participants = db.Ballots.Count(b => b.RoundId == r.Id) })
            .FirstOrDefaultAsync(cancellationToken);

        var published = (await db.LatestPublishedRoundsAsync(db.Neighbourhoods.Where(n => n.Id == place.Id).Select(n => n.Id), TopPriorities, cancellationToken))
            .SingleOrDefault();
        var results = published is null ? null : await ResultsAsync(published, cancellationToken);
        var duties = published is null ? [] : await DutiesAsync(place.Id, published, today, cancellationToken);

        var minutes = await db.PublicMinutesOfAsync(place.ProvinceId, place.CountyId, place.Id, today, cancellationToken, MostMinutes);
        var (volunteers, bySkill) = await VolunteersAsync(place.Id, cancellationToken);
        var stories = await sender.Send(new GetPublishedStories(NeighbourhoodCode: code, Take: MostStories), cancellationToken);

        return new NeighbourhoodPage(code, place.Name, place.County, place.Province, place.ProvinceCode, place.Centre,
            round is null ? null : new PublicRound(round.Title, round.OpensAt, round.ClosesAt, PublicCount.Of(round.Participants)),
            results, duties, minutes, volunteers, bySkill, stories);
    }

    private async Task<PublicResults> ResultsAsync(PublishedRound round, CancellationToken cancellationToken)
    {
        var needIds = round.Top.Select(t => t.NeedId).ToList();
        var categories = await db.Needs.AsNoTracking().Where(n => needIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Category, cancellationToken);
        return new PublicResults(round.Title, round.ClosedAt, PublicCount.Of(round.Ballots),
            [.. round.Top.Select(t => new PublicResultLine(t.Position, t.NeedId, t.Title, categories[t.NeedId]))]);
    }

    /// <summary>The duties for the top priorities, in priority order, each with its last timeline entry and its residents' answers to its latest completion.</summary>
    private async Task<List<PublicDuty>> DutiesAsync(int neighbourhoodId, PublishedRound round, DateOnly today, CancellationToken cancellationToken)
    {
        var needIds = round.Top.Select(t => t.NeedId).ToList();
        var duties = await db.Duties.AsNoTracking()
            .Where(d => d.NeighbourhoodId == neighbourhoodId && d.NeedId != null && needIds.Contains(d.NeedId.Value))
            .Select(d => new
            {
                d.Id, d.Title, NeedId = d.NeedId!.Value, Agency = new PlaceName(d.Agency!.NameFa, d.Agency.NameEn), d.Agency.Kind, d.Status, d.PercentComplete, d.DueDate,
                d.CompletionRound,
                LastAt = d.Updates.OrderByDescending(u => u.At).ThenByDescending(u => u.Id).Select(u => (DateTimeOffset?)u.At).FirstOrDefault(),
                LastNote = d.Updates.OrderByDescending(u => u.At).ThenByDescending(u => u.Id).Select(u => u.Note).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var dutyIds = duties.Select(d => d.Id).ToList();
        // Answers are counted per duty, completion and answer in SQL: no resident's row leaves the database.
        var answers = await db.CompletionChecks.AsNoTracking().Where(c => dutyIds.Contains(c.DutyId))
            .GroupBy(c => new { c.DutyId, c.CompletionRound, c.Answer })
            .Select(g => new { g.Key.DutyId, g.Key.CompletionRound, g.Key.Answer, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var position = round.Top.ToDictionary(t => t.NeedId, t => t.Position);
        var titles = round.Top.ToDictionary(t => t.NeedId, t => t.Title);

        return duties.OrderBy(d => position[d.NeedId]).ThenBy(d => d.DueDate).ThenBy(d => d.Id).Select(d =>
        {
            int Count(CompletionAnswer answer) => answers.Where(a => a.DutyId == d.Id && a.CompletionRound == d.CompletionRound && a.Answer == answer).Sum(a => a.Count);
            var asked = d.Status is DutyStatus.Done or DutyStatus.Disputed;
            var overdue = Duty.IsOverdue(d.Status, d.DueDate, today) ? today.DayNumber - d.DueDate.DayNumber : 0;
            return new PublicDuty(d.Id, d.Title, titles[d.NeedId], d.Agency, d.Kind, d.Status, d.PercentComplete, d.DueDate, overdue, d.LastAt, d.LastNote,
                asked ? new PublicConfirmations(PublicCount.Of(Count(CompletionAnswer.Yes)), PublicCount.Of(Count(CompletionAnswer.Partly)), PublicCount.Of(Count(CompletionAnswer.No))) : null);
        }).ToList();
    }

    /// <summary>Volunteers still offering their time, counted by skill (one volunteer may count under several); every count under five withheld.</summary>
    private async Task<(PublicCount, List<PublicSkillCount>)> VolunteersAsync(int neighbourhoodId, CancellationToken cancellationToken)
    {
        var skills = await db.Volunteers.AsNoTracking()
            .Where(v => v.NeighbourhoodId == neighbourhoodId && v.WithdrawnAt == null && v.Status != VolunteerStatus.Inactive)
            .Select(v => v.Skills).ToListAsync(cancellationToken);
        return (PublicCount.Of(skills.Count),
            [.. VolunteerFlags.Skills.Select(skill => (skill, count: skills.Count(s => s.HasFlag(skill)))).Where(s => s.count > 0)
                .Select(s => new PublicSkillCount(s.skill, PublicCount.Of(s.count)))]);
    }
}
