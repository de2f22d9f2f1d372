using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Salam.Application.Common.Exceptions;
using Salam.Application.Home.Queries;
using Salam.Application.Shifts.Common;
using Salam.Application.Shifts.Queries.GetShiftCentres;
using Salam.Application.Shifts.Queries.GetShifts;
using Salam.Domain.People;
using Salam.Infrastructure.Identity;
using Salam.Web.Common;

namespace Salam.Web.Components.Pages.Shifts;

/// <summary>
/// A centre's coming and past shifts. A facilitator sees their own centre's and may add one; a provincial officer chooses one of
/// their province's centres, ministry staff a province and then a centre, and both only read.
/// </summary>
public sealed partial class ShiftsPage
{
    [Inject] private RequestSender Sender { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private bool _isFacilitator, _loaded;
    private IReadOnlyList<PlaceFigures>? _provinces;
    private IReadOnlyList<ShiftCentre>? _centres;
    private int? _provinceId, _centreId;
    private IReadOnlyList<ShiftLine>? _coming, _past;
    private string? _error;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _isFacilitator = user.IsInRole(nameof(Role.Facilitator));
        try
        {
            if (_isFacilitator) await ChooseCentreAsync(ClaimOf(user, SalamClaims.Centre));
            else if (user.IsInRole(nameof(Role.ProvinceOfficer))) await ChooseProvinceAsync(ClaimOf(user, SalamClaims.Province));
            else
            {
                _provinces = (await Sender.Send(new GetNationalHome())).Provinces;
                if (_provinces.Count > 0) await ChooseProvinceAsync(_provinces.OrderBy(p => p.Id).First().Id);
            }
        }
        catch (RequestRefusedException refused) { _error = refused.Message; }
        _loaded = true;
    }

    // The facilitator's centre and the officer's province are on the sign-in, the same claims the application's scope checks read.
    private static int? ClaimOf(ClaimsPrincipal user, string type) =>
        int.TryParse(user.FindFirst(type)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static int? ParseId(object? value) =>
        int.TryParse(value as string, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private async Task ChooseProvinceAsync(int? provinceId)
    {
        (_provinceId, _centres, _centreId, _coming, _past) = (provinceId, null, null, null, null);
        if (provinceId is not { } id) return;
        try
        {
            _centres = await Sender.Send(new GetShiftCentres(id));
            if (_centres.Count > 0) await ChooseCentreAsync(_centres[0].CentreId);
        }
        catch (RequestRefusedException refused) { _error = refused.Message; }
    }

    private async Task ChooseCentreAsync(int? centreId)
    {
        (_centreId, _coming, _past) = (centreId, null, null);
        if (centreId is not { } id) return;
        try
        {
            _coming = await Sender.Send(new GetShifts(id));
            _past = await Sender.Send(new GetShifts(id, Past: true));
        }
        catch (RequestRefusedException refused) { _error = refused.Message; }
    }
}
