using System.Linq.Expressions;
using Salam.Domain.Duties;

namespace Salam.Application.Duties.Common;

/// <summary>
/// "Open" and "overdue" for queries, built from the domain's <see cref="Duty.FinishedStatuses"/> so that EF translates
/// them to plain SQL (<c>Status &lt;&gt; 3 AND Status &lt;&gt; 4</c>) and no query writes the rule out by hand.
/// </summary>
public static class DutyQueries
{
    /// <summary>Neither done nor declined: <see cref="Duty.IsOpen"/> as an expression.</summary>
    public static Expression<Func<Duty, bool>> IsOpen { get; } = BuildIsOpen();

    /// <summary>Open and due before <paramref name="today"/>: <see cref="Duty.IsOverdueOn"/> as an expression.</summary>
    public static Expression<Func<Duty, bool>> IsOverdueOn(DateOnly today)
    {
        Expression<Func<Duty, bool>> pastDue = d => d.DueDate < today; // a closure, so EF sends the day as a parameter
        return Expression.Lambda<Func<Duty, bool>>(
            Expression.AndAlso(IsOpen.Body, new Rebind(pastDue.Parameters[0], IsOpen.Parameters[0]).Visit(pastDue.Body)), IsOpen.Parameters);
    }

    public static IQueryable<Duty> Open(this IQueryable<Duty> duties) => duties.Where(IsOpen);

    public static IQueryable<Duty> OverdueOn(this IQueryable<Duty> duties, DateOnly today) => duties.Where(IsOverdueOn(today));

    private static Expression<Func<Duty, bool>> BuildIsOpen()
    {
        var duty = Expression.Parameter(typeof(Duty), "d");
        var status = Expression.Property(duty, nameof(Duty.Status));
        var body = Duty.FinishedStatuses
            .Select(finished => (Expression)Expression.NotEqual(status, Expression.Constant(finished)))
            .Aggregate(Expression.AndAlso);
        return Expression.Lambda<Func<Duty, bool>>(body, duty);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
