using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Application.Shifts.Common;

namespace Salam.Application.Shifts.Commands.BookShift;

/// <summary>A volunteer signs up for a shift from their page.</summary>
[AllowedRoles(Role.Resident)]
public sealed record SignUpForShift(int ShiftId) : ICommand<ShiftWritten>, IShiftScoped;

/// <summary>A volunteer leaves a shift that has not started.</summary>
[AllowedRoles(Role.Resident)]
public sealed record LeaveShift(int ShiftId) : ICommand<ShiftWritten>, IShiftScoped;

/// <summary>The facilitator puts a volunteer on a shift of their centre.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record AssignToShift(int ShiftId, int VolunteerId) : ICommand<ShiftWritten>, IScoped
{
    public IEnumerable<ScopeTarget> ScopeTargets() => [ScopeTarget.Shift(ShiftId), ScopeTarget.Volunteer(VolunteerId)];
}

/// <summary>The facilitator takes a volunteer off a shift that has not started.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record RemoveFromShift(int ShiftId, int VolunteerId) : ICommand<ShiftWritten>, IScoped
{
    public IEnumerable<ScopeTarget> ScopeTargets() => [ScopeTarget.Shift(ShiftId), ScopeTarget.Volunteer(VolunteerId)];
}

public sealed class SignUpForShiftHandler : ICommandHandler<SignUpForShift, ShiftWritten>
{
    public ValueTask<ShiftWritten> Handle(SignUpForShift command, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 17: shifts helper");
}

public sealed class LeaveShiftHandler : ICommandHandler<LeaveShift, ShiftWritten>
{
    public ValueTask<ShiftWritten> Handle(LeaveShift command, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 17: shifts helper");
}

public sealed class AssignToShiftHandler : ICommandHandler<AssignToShift, ShiftWritten>
{
    public ValueTask<ShiftWritten> Handle(AssignToShift command, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 17: shifts helper");
}

public sealed class RemoveFromShiftHandler : ICommandHandler<RemoveFromShift, ShiftWritten>
{
    public ValueTask<ShiftWritten> Handle(RemoveFromShift command, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 17: shifts helper");
}
