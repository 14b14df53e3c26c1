"""Research themes, academic partners, publications and the people behind them."""
