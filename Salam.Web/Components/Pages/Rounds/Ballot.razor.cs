using Microsoft.AspNetCore.Components;
using Salam.Application.Common.Exceptions;
using Salam.Application.Rounds.Commands.SubmitBallot;
using Salam.Application.Rounds.Queries.GetBallot;
using Salam.Web.Common;

namespace Salam.Web.Components.Pages.Rounds;

/// <summary>
/// A resident's ballot as a plain server-rendered form: one card per need with the rank they give it. A post is checked for a
/// rank given twice or skipped (answered naming the rank and the needs), then sent as <see cref="SubmitBallot"/>, which keeps
/// the round's own rules (open, scope, one ballot per resident); a saved ballot redirects to the receipt.
/// </summary>
public partial class Ballot
{
    [Inject] private RequestSender Sender { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Parameter] public int RoundId { get; set; }
    [SupplyParameterFromQuery] private string? Saved { get; set; }
    [SupplyParameterFromForm(FormName = "ballot")] private RanksInput? Input { get; set; }
    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    private BallotForm? _form;
    private string? _error;
    private bool _posting;
    private IReadOnlyDictionary<int, int?>? _submitted;
    private IReadOnlyCollection<int> _clashing = [];

    private sealed class RanksInput { public List<NeedRankInput> Needs { get; set; } = []; }

    private sealed class NeedRankInput
    {
        public int Id { get; set; }
        public int? Rank { get; set; }
    }

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        // A post that succeeds only redirects; the form is loaded when it is shown (a get, or a refused post).
        _posting = HttpMethods.IsPost(HttpContext.Request.Method);
        if (!_posting) await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try { _form = await Sender.Send(new GetBallot(RoundId)); }
        catch (RequestRefusedException refused) { Refuse(refused); }
    }

    private async Task SubmitAsync()
    {
        var choices = Input!.Needs.Select(n => new NeedRank(n.Id, n.Rank)).ToList();
        _submitted = choices.GroupBy(c => c.NeedId).ToDictionary(g => g.Key, g => g.First().Rank);
        try
        {
            var ranking = NeedRanking.From(choices);
            if (!ranking.IsComplete)
            {
                await ShowAgainAsync(null);
                if (_form is not null) RefuseAsFixable(ranking);
                return;
            }
            await Sender.Send(new SubmitBallot(RoundId, ranking.RankedNeedIds));
        }
        catch (RequestRefusedException refused)
        {
            await ShowAgainAsync(refused);
            return;
        }
        Navigation.NavigateTo($"/rounds/{RoundId}/ballot?saved=1");
    }

    private async Task ShowAgainAsync(RequestRefusedException? refused)
    {
        _posting = false;
        await LoadAsync();
        if (refused is not null) Refuse(refused);
    }

    /// <summary>A rank given to two needs, or skipped: said with the rank and the needs' titles, nothing sent.</summary>
    private void RefuseAsFixable(NeedRanking ranking)
    {
        _clashing = ranking.Clash?.NeedIds ?? [];
        _error = ranking.Clash is { } clash
            ? string.Format(L["Ballot.RankGivenTwice"], Format.Number(clash.Rank), Format.List(clash.NeedIds.Select(id => $"«{TitleOf(id)}»")))
            : string.Format(L["Ballot.RankSkipped"], Format.Number(ranking.MissingRank!.Value));
        HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    /// <summary>What the cards show: what was just submitted (after a refusal), else the stored ranking.</summary>
    private IReadOnlyDictionary<int, int?> Chosen => _submitted
        ?? _form!.MyRanking.Select((id, index) => (id, rank: (int?)(index + 1))).ToDictionary(x => x.id, x => x.rank);

    private string TitleOf(int needId) => _form?.Needs.FirstOrDefault(n => n.Id == needId)?.Title ?? "";

    private void Refuse(RequestRefusedException refused)
    {
        _error = refused.Message;
        HttpContext.Response.StatusCode = refused is ForbiddenException ? StatusCodes.Status403Forbidden
            : refused is NotFoundException ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
    }
}
