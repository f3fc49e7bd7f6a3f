package com.agentfactory.inventory.replenishment;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SupplierRepository extends JpaRepository<Supplier, UUID> {

    // the preference among them is Suppliers' to apply: unit costs are comparable only within one currency
    @Query("select s from Supplier s where :sku member of s.skus")
    List<Supplier> supplying(String sku);

    @Query(
            value = "select s from Supplier s where (:sku is null or :sku member of s.skus) order by s.name, s.id",
            countQuery = "select count(s) from Supplier s where (:sku is null or :sku member of s.skus)")
    Page<Supplier> search(String sku, Pageable page);
}
