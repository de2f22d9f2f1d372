using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;

namespace Salam.Application.Rounds.Commands.SubmitBallot;

/// <summary>A ballot form has one field per rank; ranks are filled from the top, so an empty rank above a filled one is a gap.</summary>
public static class RankingInput
{
    public static IReadOnlyList<int> Compact(IReadOnlyList<int?> ranks)
    {
        var lastFilled = -1;
        for (var i = 0; i < ranks.Count; i++) if (ranks[i] is not null) lastFilled = i;
        if (ranks.Take(lastFilled + 1).Any(r => r is null))
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["Ranks"] = [Text.Get("Ballot.GapInRanks")] });
        return ranks.Take(lastFilled + 1).Select(r => r!.Value).ToList();
    }
}
