using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Salam.Application.Common.Exceptions;
using Salam.Application.Home.Queries;
using Salam.Application.Meetings.Queries.GetMeetings;
using Salam.Domain.People;
using Salam.Web.Common;

namespace Salam.Web.Components.Pages.Meetings;

/// <summary>
/// A province's meetings with the share of their decisions delivered on time: the provincial officer's own province (and the buttons to
/// plan a county or province meeting); ministry staff and the administrator choose a province and only read.
/// </summary>
public sealed partial class MeetingsPage
{
    [Inject] private RequestSender Sender { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private IReadOnlyList<PlaceFigures>? _provinces, _counties;
    private int? _provinceId, _countyId;
    private MeetingList? _list;
    private string? _error;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        try
        {
            if (user.IsInRole(nameof(Role.ProvinceOfficer)))
            {
                _counties = (await Sender.Send(new GetProvinceHome())).Counties;
                await ChooseProvinceAsync(ProvinceOf(user));
            }
            else
            {
                _provinces = (await Sender.Send(new GetNationalHome())).Provinces;
                if (_provinces.Count > 0) await ChooseProvinceAsync(_provinces.OrderBy(p => p.Id).First().Id);
            }
        }
        catch (RequestRefusedException refused) { _error = refused.Message; }
    }

    // The officer's province is on the sign-in (the same claim the application's scope checks read).
    private static int? ProvinceOf(System.Security.Claims.ClaimsPrincipal user) =>
        int.TryParse(user.FindFirst(Infrastructure.Identity.SalamClaims.Province)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private async Task ChooseProvinceAsync(int? provinceId)
    {
        _provinceId = provinceId;
        _list = null;
        if (provinceId is not { } id) return;
        try { _list = await Sender.Send(new GetMeetings(id)); }
        catch (RequestRefusedException refused) { _error = refused.Message; }
    }
}
