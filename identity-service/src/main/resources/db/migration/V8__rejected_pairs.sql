-- A steward's rejection keeps two customers apart wherever they live on after later merges: finding the
-- customers merged into one walks merged_into backwards, and the rejections are looked up from either side.
create index customer_merged_into on customer (merged_into) where merged_into is not null;
create index review_item_rejected_candidate on review_item (candidate_customer_id) where status = 'REJECTED';
