using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Salam.Application.Campaigns.Queries.GetAllocationChoices;
using Salam.Application.Common.Exceptions;
using Salam.Application.Shifts.Commands.CreateShift;
using Salam.Application.Shifts.Queries.GetShiftChoices;
using Salam.Domain.Shifts;
using Salam.Infrastructure.Identity;
using Salam.Web.Common;
using Salam.Web.Localization;

namespace Salam.Web.Components.Pages.Shifts;

/// <summary>
/// A facilitator adds a shift at their centre: its time, place, skill and places, open to one of the centre's neighbourhoods or
/// all of them, and what it serves (a duty, a need, a campaign or a meeting's decision). A refusal is shown and nothing is saved.
/// </summary>
public sealed partial class NewShiftPage
{
    public enum LinkKind { None, Duty, Need, Campaign, Decision }

    private const string All = "", None = "";
    private static readonly LinkKind[] LinkKinds = Enum.GetValues<LinkKind>();

    [Inject] private RequestSender Sender { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IStringLocalizer<UiText> Text { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private readonly ShiftForm _form = new();
    private ShiftChoices? _choices;
    private int _centreId;
    private string _neighbourhoodId = All, _linkId = None;
    private LinkKind _linkKind;
    private string? _error, _refusal;
    private bool _saving;

    private IReadOnlyList<TitledChoice> LinkChoices => _linkKind switch
    {
        LinkKind.Duty => _choices!.Duties,
        LinkKind.Need => _choices!.Needs,
        LinkKind.Campaign => _choices!.Campaigns,
        LinkKind.Decision => _choices!.Decisions,
        _ => [],
    };

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        if (!int.TryParse(user.FindFirst(SalamClaims.Centre)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out _centreId))
        {
            _error = Text["Shift.NoCentre"];
            return;
        }
        try { _choices = await Sender.Send(new GetShiftChoices(_centreId)); }
        catch (RequestRefusedException refused) { _error = refused.Message; }
    }

    private void ChooseLinkKind(string? value)
    {
        _linkKind = Enum.TryParse<LinkKind>(value, out var kind) ? kind : LinkKind.None;
        _linkId = None;
    }

    private static int? IdOf(string value) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private ShiftLink Link()
    {
        var id = IdOf(_linkId);
        return _linkKind switch
        {
            LinkKind.Duty => new ShiftLink(DutyId: id),
            LinkKind.Need => new ShiftLink(NeedId: id),
            LinkKind.Campaign => new ShiftLink(CampaignId: id),
            LinkKind.Decision => new ShiftLink(MeetingDecisionId: id),
            _ => ShiftLink.None,
        };
    }

    private async Task SaveAsync()
    {
        _refusal = null;
        if (!_form.TryDraft(Text, Text["Shift.Places"], out var draft, out var problem))
        {
            _refusal = problem;
            return;
        }
        if (_linkKind != LinkKind.None && IdOf(_linkId) is null)
        {
            _refusal = string.Format(Text["Shift.LinkRequired"], Text[$"Shift.Link.{_linkKind}"]);
            return;
        }
        _saving = true;
        try
        {
            var written = await Sender.Send(new CreateShift(_centreId, IdOf(_neighbourhoodId), draft, Link()));
            Navigation.NavigateTo($"/shifts/{written.ShiftId}");
        }
        catch (RequestRefusedException refused) { _refusal = refused.Message; }
        finally { _saving = false; }
    }
}
