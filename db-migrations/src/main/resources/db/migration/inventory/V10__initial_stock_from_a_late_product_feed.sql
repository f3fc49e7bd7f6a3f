-- Whether the product feed's stock quantity has been taken as the SKU's initial stock at this warehouse. The feed and
-- the orders travel on different topics, so an order can reach the agent before its product: the row the order
-- creates starts empty and backorders; the feed's quantity, when it comes, settles those backorders and stocks the
-- rest. Rows that exist already were stocked as they were, so they count as taken.
ALTER TABLE stock_levels ADD COLUMN initial_stock_taken BOOLEAN NOT NULL DEFAULT TRUE;
