using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Salam.Application.Common.Exceptions;
using Salam.Application.Shifts.Queries.GetShift;
using Salam.Domain.People;
using Salam.Web.Common;

namespace Salam.Web.Components.Pages.Shifts;

/// <summary>
/// One shift: what and when, who is booked, and for its centre's facilitator assigning and removing volunteers before it starts and
/// the attendance of everyone at once after it ends. Officers and ministry staff read it.
/// </summary>
public sealed partial class ShiftDetailPage
{
    [Inject] private RequestSender Sender { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Parameter] public int ShiftId { get; set; }

    private ShiftPage? _shift;
    private bool _isFacilitator;
    private string? _error;

    protected override async Task OnParametersSetAsync()
    {
        _isFacilitator = (await AuthenticationState).User.IsInRole(nameof(Role.Facilitator));
        await LoadAsync();
    }

    private bool HasStarted(ShiftPage shift) => shift.Line.StartsAt <= Clock.GetUtcNow();

    private async Task LoadAsync()
    {
        try { _shift = await Sender.Send(new GetShift(ShiftId)); }
        catch (NotFoundException) { Navigation.NotFound(); }
        catch (RequestRefusedException refused) { _error = refused.Message; }
    }
}
