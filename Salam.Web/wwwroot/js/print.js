// Printable pages (the meeting's progress report): the print button, handled here because the CSP allows no inline handler.
// Listening on the document, it finds a button that Blazor rendered after this script ran, and works before the circuit is up.
document.addEventListener('click', function (event) {
    if (event.target instanceof Element && event.target.closest('button.report-print')) {
        window.print();
    }
});
