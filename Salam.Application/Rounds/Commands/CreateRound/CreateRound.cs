using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Geography.Common;
using Salam.Domain.People;
using Salam.Domain.Rounds;

namespace Salam.Application.Rounds.Commands.CreateRound;

/// <summary>The facilitator drafts a round: its window, K ranks, and the approved needs on the ballot. It opens separately.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record CreateRound(int NeighbourhoodId, string Title, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int MaxRanks, IReadOnlyList<int> NeedIds)
    : ICommand<int>, INeighbourhoodScoped;

public sealed class CreateRoundHandler(ISalamDbContext db) : ICommandHandler<CreateRound, int>
{
    public async ValueTask<int> Handle(CreateRound command, CancellationToken cancellationToken)
    {
        // A deactivated neighbourhood (or one of a deactivated county or province) keeps its rounds but starts none.
        if (!await db.Neighbourhoods.Where(n => n.Id == command.NeighbourhoodId).AnyAsync(PlaceService.InService, cancellationToken))
            throw new RequestRefusedException(Text.Get("Geography.NeighbourhoodInactive"));
        var needs = await db.Needs.Where(n => command.NeedIds.Contains(n.Id)).ToListAsync(cancellationToken);
        if (needs.Count != command.NeedIds.Distinct().Count()) throw new NotFoundException(Text.Get("NotFound.Need"));

        var round = new PriorityRound(command.NeighbourhoodId, command.Title, command.OpensAt, command.ClosesAt, command.MaxRanks);
        foreach (var id in command.NeedIds) round.AddNeed(needs.Single(n => n.Id == id));
        db.PriorityRounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        return round.Id;
    }
}
