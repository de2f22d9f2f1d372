using Salam.Application.Rounds.Common;
using Salam.Domain.Needs;
using Salam.Domain.People;
using Salam.Domain.Rounds;
using Salam.Domain.Rounds.Counting;

namespace Salam.Infrastructure.Persistence.Seeding;

public sealed partial class DemoDataSeeder
{
    private readonly List<(int NeighbourhoodId, IReadOnlyList<int> TopNeedIds)> _closedRoundTops = [];

    /// <summary>Per neighbourhood: needs in every status, a closed, counted and published round, and an open round with ballots.</summary>
    private async Task SeedParticipationAsync(Country country, List<Resident> residents, CancellationToken cancellationToken)
    {
        var borda = new BordaCount();
        var pardisanCentreId = country.Neighbourhoods[0].CentreId;
        var facilitatorId = _staff["facilitator.pardisan"].Id;
        foreach (var neighbourhood in country.Neighbourhoods)
        {
            var locals = residents.Where(r => r.NeighbourhoodId == neighbourhood.Id).ToList();
            var approved = await SeedNeedsAsync(neighbourhood.Id, locals, cancellationToken);
            var paperBy = neighbourhood.CentreId == pardisanCentreId ? facilitatorId : (int?)null;

            var closed = new PriorityRound(neighbourhood.Id, "اولویت‌بندی نیازهای تابستان", _now.AddDays(-45), _now.AddDays(-30));
            await OpenWithBallotsAsync(closed, approved.Take(5), locals, 0.7, _now.AddDays(-40), paperBy, cancellationToken);
            // Closed with its count record and published, as an officer would, so the demo shows published results and a ballot file.
            var ballots = db.Ballots.Local.Where(b => b.RoundId == closed.Id).ToList();
            var outcome = closed.Close(_now.AddDays(-30), ballots, borda);
            await db.RecordCountAsync(closed, ballots, outcome, cancellationToken);
            closed.Publish();
            await db.SaveChangesAsync(cancellationToken);
            _closedRoundTops.Add((neighbourhood.Id, closed.Results.OrderBy(r => r.Position).Take(3).Select(r => r.NeedId).ToList()));

            var open = new PriorityRound(neighbourhood.Id, "اولویت‌بندی نیازهای پاییز", _now.AddDays(-3), _now.AddDays(7));
            // The first demo resident has not voted yet, so the ballot journey can start from them.
            var openVoters = locals.Where(r => r.Mobile != FirstResidentMobile).ToList();
            await OpenWithBallotsAsync(open, approved, openVoters, 0.4, _now.AddDays(-1), paperBy, cancellationToken);
        }
    }

    private async Task<List<Need>> SeedNeedsAsync(int neighbourhoodId, List<Resident> locals, CancellationToken cancellationToken)
    {
        var templates = DemoNeeds.All.OrderBy(_ => _random.Next()).Take(9).ToList();
        var needs = templates.Select((t, i) => new Need(neighbourhoodId, t.Title, t.Description, t.Category, t.Cost,
            Pick(locals).Id, _now.AddDays(-75).AddHours(i))).ToList();
        db.Needs.AddRange(needs);
        await db.SaveChangesAsync(cancellationToken);

        for (var i = 0; i < 6; i++) needs[i].Approve(_now.AddDays(-70).AddHours(i));
        needs[6].Reject(Pick(DemoNeeds.RejectionReasons));
        needs[7].MergeInto(needs[0]);
        // needs[8] stays Proposed, waiting for the facilitator.
        await db.SaveChangesAsync(cancellationToken);
        return needs.Take(6).ToList();
    }

    private async Task OpenWithBallotsAsync(PriorityRound round, IEnumerable<Need> needs, List<Resident> voters, double turnout, DateTimeOffset votedAt, int? paperBy, CancellationToken cancellationToken)
    {
        foreach (var need in needs) round.AddNeed(need);
        round.Open(round.OpensAt);
        db.PriorityRounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);

        var needIds = round.Needs.Select(n => n.NeedId).ToList();
        var index = 0;
        foreach (var voter in voters.Where(_ => _random.NextDouble() < turnout))
        {
            var ranking = needIds.OrderBy(_ => _random.Next()).Take(_random.Next(3, round.MaxRanks + 1)).ToList();
            var onPaper = paperBy is not null && index++ % 5 == 0;
            db.Ballots.Add(new Ballot(round, voter.Id, ranking, onPaper ? BallotChannel.Paper : BallotChannel.Online, onPaper ? paperBy : null, votedAt));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
