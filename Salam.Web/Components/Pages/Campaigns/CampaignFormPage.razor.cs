using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Salam.Application.Campaigns.Commands.CreateCampaign;
using Salam.Application.Campaigns.Commands.ReviseCampaign;
using Salam.Application.Campaigns.Common;
using Salam.Application.Campaigns.Queries.GetCampaign;
using Salam.Application.Campaigns.Queries.GetCampaignChoices;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Time;
using Salam.Domain.Campaigns;
using Salam.Web.Common;
using Salam.Web.Components.Pages.Meetings;
using Salam.Web.Localization;

namespace Salam.Web.Components.Pages.Campaigns;

/// <summary>
/// Creates a campaign (a provincial officer in their province, ministry staff anywhere or nationally) or revises one for its
/// owner: name, Jalali window, scope and its places, goals in rials and in goods, and the centres taking part, offered from inside
/// the scope. A refusal is shown and nothing else happens.
/// </summary>
public sealed partial class CampaignFormPage
{
    [Inject] private RequestSender Sender { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IStringLocalizer<UiText> Text { get; set; } = default!;

    /// <summary>The campaign revised; none for a new one.</summary>
    [Parameter] public int? Id { get; set; }

    private CampaignChoices? _choices;
    private string? _error, _refusal, _placeName;
    private bool _saving, _loaded;
    private Guid _version;
    private string _name = "", _description = "";
    private DateTime? _starts, _ends;
    private CampaignScope _scope;
    private int? _countyId;
    private long? _goalRials;
    private readonly Dictionary<AidItem, int?> _itemGoals = [];
    private readonly HashSet<int> _neighbourhoods = [], _centres = [];
    private IReversibleConverter<DateTime?, string?> _dayConverter = default!;

    private string Title => Text[Id is null ? "Campaign.NewTitle" : "Campaign.ReviseTitle"];

    private IEnumerable<CampaignScope> Scopes => _choices?.National == true
        ? Enum.GetValues<CampaignScope>()
        : [CampaignScope.Province, CampaignScope.County, CampaignScope.Neighbourhoods];

    private int? ItemGoal(AidItem item) => _itemGoals.GetValueOrDefault(item);

    /// <summary>The centres the scope allows: a county's or the chosen neighbourhoods' serving centres, else the listed province's.</summary>
    private IReadOnlyList<CentreChoice> OfferedCentres
    {
        get
        {
            if (_choices is not { } choices) return [];
            var serving = _scope switch
            {
                CampaignScope.County => choices.Neighbourhoods.Where(n => n.CountyId == (_countyId ?? choices.Campaign?.CountyId)).Select(n => n.CentreId).ToHashSet(),
                CampaignScope.Neighbourhoods => choices.Neighbourhoods.Where(n => _neighbourhoods.Contains(n.Id)).Select(n => n.CentreId).ToHashSet(),
                _ => null,
            };
            return [.. Format.ByName(choices.Centres.Where(c => serving is null || serving.Contains(c.Id)), c => c.Name)];
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        // What was typed survives a re-render.
        if (_loaded) return;
        _loaded = true;
        _dayConverter = JalaliInput.DayConverter(Text["Meeting.DateInvalid"]);
        try
        {
            _choices = await Sender.Send(new GetCampaignChoices(null, Id));
            if (Id is { } id) await LoadCampaignAsync(id, _choices);
            else
            {
                _scope = _choices.National ? CampaignScope.National : CampaignScope.Province;
                var today = Clock.Today().ToDateTime(TimeOnly.MinValue);
                (_starts, _ends) = (today, today.AddDays(29));
            }
        }
        catch (NotFoundException) { Navigation.NotFound(); }
        catch (RequestRefusedException refused) { _error = refused.Message; }
    }

    private async Task LoadCampaignAsync(int id, CampaignChoices choices)
    {
        var campaign = await Sender.Send(new GetCampaign(id));
        if (!campaign.CanRevise) _error = Text["Campaign.NotYours"];
        _version = campaign.Version;
        (_name, _description) = (campaign.Name, campaign.Description);
        (_starts, _ends) = (campaign.StartsOn.ToDateTime(TimeOnly.MinValue), campaign.EndsOn.ToDateTime(TimeOnly.MinValue));
        _goalRials = campaign.GoalRials;
        foreach (var goal in campaign.ItemGoals) _itemGoals[goal.Item] = goal.Count;
        _scope = campaign.Scope;
        _placeName = campaign.Place is { } place ? Format.Name(place) : null;
        if (choices.Campaign is { } places)
        {
            _countyId = places.CountyId;
            _neighbourhoods.UnionWith(places.NeighbourhoodIds);
            _centres.UnionWith(places.CentreIds);
        }
    }

    private void ChooseScope(CampaignScope scope)
    {
        _scope = scope;
        _countyId = null;
        _neighbourhoods.Clear();
    }

    private async Task ChooseProvinceAsync(int? provinceId)
    {
        try
        {
            var national = _scope == CampaignScope.National;
            _choices = await Sender.Send(new GetCampaignChoices(provinceId, Id));
            // A national campaign's centres are gathered province by province; any other lives in one province.
            if (!national) _centres.Clear();
            _countyId = null;
            _neighbourhoods.Clear();
        }
        catch (RequestRefusedException refused) { _refusal = refused.Message; }
    }

    private void ChooseAllCentres() => _centres.UnionWith(OfferedCentres.Select(c => c.Id));

    private static void Toggle(HashSet<int> chosen, int id, ChangeEventArgs change)
    {
        if (change.Value is true) chosen.Add(id);
        else chosen.Remove(id);
    }

    private async Task SaveAsync()
    {
        _refusal = null;
        if (_starts is not { } starts || _ends is not { } ends)
        {
            _refusal = Text["Campaign.WindowRequired"];
            return;
        }
        var choices = _choices!;
        // Outside a national campaign only the centres the scope still offers go (a county changed after ticking, say).
        IReadOnlyList<int> centres = _scope == CampaignScope.National ? [.. _centres] : [.. OfferedCentres.Select(c => c.Id).Where(_centres.Contains)];
        var draft = new CampaignDraft(_name, _description, DateOnly.FromDateTime(starts), DateOnly.FromDateTime(ends), _goalRials,
            [.. _itemGoals.Where(g => g.Value is not null).Select(g => new ItemGoalInput(g.Key, g.Value!.Value))], centres);
        _saving = true;
        try
        {
            var written = Id is { } id
                ? await Sender.Send(new ReviseCampaign(id, _version, draft))
                : await Sender.Send(new CreateCampaign(draft, _scope, _scope == CampaignScope.National ? null : choices.ProvinceId,
                    _scope == CampaignScope.County ? _countyId : null, _scope == CampaignScope.Neighbourhoods ? [.. _neighbourhoods] : []));
            Navigation.NavigateTo(string.Create(CultureInfo.InvariantCulture, $"/campaigns/{written.CampaignId}"));
        }
        catch (RequestRefusedException refused) { _refusal = refused.Message; }
        finally { _saving = false; }
    }
}
